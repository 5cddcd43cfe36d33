// The catalog field is a wire shape (wire/document-catalog.ts): the routes validate with it, the
// catalog code takes its type from it, the Documents tab reads it.
export {
  CATALOG_TYPES,
  MAX_OPTIONS,
  CatalogFieldSchema,
  CatalogItemFieldSchema,
  type CatalogField,
  type CatalogItemField,
  type CatalogType,
} from '../../../wire/document-catalog.js';
