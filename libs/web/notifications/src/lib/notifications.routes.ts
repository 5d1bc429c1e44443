import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Routes } from '@angular/router';
import { Permission } from '@foyer/shared/contracts';
import { authGuard, MATERIAL_ANIMATION_DEFAULTS, permissionGuard } from '@foyer/web/core';
import { FailedJobsPage } from './feature/failed-jobs-page';
import { MessagesPage } from './feature/messages-page';

/** Mounted at /messages: the signed-in person's inbox. */
export const messagesRoutes: Routes = [
  {
    path: '',
    providers: [{ provide: MATERIAL_ANIMATIONS, useValue: MATERIAL_ANIMATION_DEFAULTS }],
    canActivate: [authGuard],
    component: MessagesPage,
    title: $localize`:@@notifications.title.messages:Mes messages`,
  },
];

/** Mounted at /admin/jobs: failed background jobs (administrators). */
export const failedJobsRoutes: Routes = [
  {
    path: '',
    canActivate: [permissionGuard(Permission.JobsManage)],
    component: FailedJobsPage,
    title: $localize`:@@notifications.title.failedJobs:Tâches en échec`,
  },
];
