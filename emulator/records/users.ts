// The portal's users and the notifications sent to them (im.notify.*).

export interface PortalUser {
  id: number;
  name: string;
  lastName: string;
  email: string;
  admin: boolean;
  /** Our demo role: admin, credit_manager, underwriter, manager, collector. */
  role: string;
  workPosition: string;
  gender: 'M' | 'F' | '';
  timeZone: string;
  departmentIds: number[];
  /** CRM role's read level on deals (crm/access.ts); unset = all. Admins read every deal. */
  dealRead?: 'all' | 'own' | 'none';
  /** CRM role's read level on companies (crm/access.ts); unset = all. Admins read every company. */
  companyRead?: 'all' | 'none';
  /** The document generator's "edit documents" permission (methods/crm-documentgenerator.ts); unset = granted. */
  documentsEdit?: boolean;
}

export interface Notification {
  id: number;
  userId: number;
  message: string;
  tag?: string;
  created: string;
}
