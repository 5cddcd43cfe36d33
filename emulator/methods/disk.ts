// The app's Disk storage and folder listing — doc: api-reference/disk/storage/disk-storage-get-for-app.md
// (administrator, application context only; made on first call), api-reference/disk/folder/disk-folder-get-children.md
// (files of a folder; `filter` with field names, exact match without a prefix). The file shape is the
// one disk.folder.uploadfile answers (misc.ts), from api-reference/disk/folder/disk-folder-upload-file.md.
import type { Core } from '../core.js';
import type { MethodTable } from '../rest/registry.js';
import { RestError, errors } from '../rest/errors.js';
import type { StoredFile } from '../records/crm.js';
import { isRecord, nextIdOf, param, toInt } from '../util.js';

export function diskFileView(core: Core, f: StoredFile): Record<string, unknown> {
  return {
    ID: f.id,
    NAME: f.name,
    CODE: null,
    STORAGE_ID: String(core.state.appStorage?.rootFolderId === f.folderId ? core.state.appStorage.id : 1),
    TYPE: 'file',
    PARENT_ID: String(f.folderId),
    DELETED_TYPE: 0,
    GLOBAL_CONTENT_VERSION: 1,
    FILE_ID: f.id,
    SIZE: String(f.size),
    CREATE_TIME: f.created,
    UPDATE_TIME: f.created,
    DELETE_TIME: null,
    CREATED_BY: String(f.createdBy),
    UPDATED_BY: String(f.createdBy),
    DELETED_BY: null,
    DOWNLOAD_URL: `${core.baseUrl}/emulator/files/${f.id}/download`,
    DETAIL_URL: `${core.baseUrl}/emulator/files/${f.id}`,
  };
}

export const diskMethods: MethodTable = {
  'disk.storage.getforapp': {
    scope: ['disk'],
    appOnly: () => new RestError(400, 'ACCESS_DENIED', 'Access denied! Application context required'),
    adminOnly: true,
    handler: ({ core }) => {
      if (!core.state.appStorage) {
        core.state.appStorage = { id: nextIdOf(core.state, 'storage', 1300), rootFolderId: nextIdOf(core.state, 'folder', 8900) };
        core.changed();
      }
      const s = core.state.appStorage;
      return {
        ID: String(s.id),
        NAME: core.state.app?.clientId ?? 'app',
        CODE: null,
        MODULE_ID: 'disk',
        ENTITY_TYPE: 'restapp',
        ENTITY_ID: '1',
        ROOT_OBJECT_ID: String(s.rootFolderId),
      };
    },
  },
  'disk.folder.getchildren': {
    scope: ['disk'],
    handler: ({ core }, params) => {
      const id = toInt(param(params, 'id'));
      if (id === undefined) throw errors.argument('id');
      const filter = param(params, 'filter');
      const name = isRecord(filter) ? param(filter, 'NAME') : undefined;
      return core.state.files
        .filter((f) => f.folderId === id && (name === undefined || f.name === String(name)))
        .map((f) => diskFileView(core, f));
    },
  },
};
