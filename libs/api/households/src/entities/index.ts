import { ChildEntity } from './child.entity';
import { ClosureRequestEntity } from './closure-request.entity';
import { ContactEntity } from './contact.entity';
import { DocumentEntity } from './document.entity';
import { GuardianEntity } from './guardian.entity';
import { HouseholdEntity } from './household.entity';
import { InvitationEntity } from './invitation.entity';
import { QuotientEntity } from './quotient.entity';

export const householdsEntities = [
  HouseholdEntity,
  GuardianEntity,
  InvitationEntity,
  ContactEntity,
  DocumentEntity,
  ChildEntity,
  QuotientEntity,
  ClosureRequestEntity,
];
export {
  ChildEntity,
  ClosureRequestEntity,
  ContactEntity,
  DocumentEntity,
  GuardianEntity,
  HouseholdEntity,
  InvitationEntity,
  QuotientEntity,
};
