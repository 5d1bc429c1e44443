import { InjectionToken } from '@angular/core';

/** One choice of a portal field (a child, a document of the family file). */
export interface SchemaOption {
  value: string;
  label: string;
}

/**
 * What the portal's own field kinds need from the page that renders a form: the household's children,
 * the family file's documents, and where a chosen file goes. The resident's pages give the real ones;
 * the admin preview gives examples, so a form can be tried without a family.
 */
export interface SchemaFormContext {
  children(): Promise<SchemaOption[]>;
  /** Documents of the family file, of these types only when given. */
  documents(types?: string[]): Promise<SchemaOption[]>;
  /** Uploads a file chosen in a « file » field and answers the value the form stores (a document id). */
  upload(file: File): Promise<SchemaOption>;
}

export const SCHEMA_FORM_CONTEXT = new InjectionToken<SchemaFormContext>('SCHEMA_FORM_CONTEXT');

/** The preview's context: sample children and documents, files kept in the browser. */
export const PREVIEW_CONTEXT: SchemaFormContext = {
  children: async () => [
    {
      value: '00000000-0000-4000-8000-000000000001',
      label: $localize`:@@requests.preview.child1:Léa (exemple)`,
    },
    {
      value: '00000000-0000-4000-8000-000000000002',
      label: $localize`:@@requests.preview.child2:Hugo (exemple)`,
    },
  ],
  documents: async () => [
    {
      value: '00000000-0000-4000-8000-000000000011',
      label: $localize`:@@requests.preview.document:Justificatif de domicile (exemple)`,
    },
  ],
  upload: async (file) => ({ value: '00000000-0000-4000-8000-000000000021', label: file.name }),
};
