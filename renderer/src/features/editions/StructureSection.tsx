import type { ReactNode } from 'react';
import { t } from '../../../../shared/i18n';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Dialog } from '../../components/Dialog';
import { ItemActions } from '../../components/ItemActions';
import { ListPanel } from '../../components/ListPanel';
import { movedIds } from '../../lib/order';
import type { Structure, StructureMutations } from './mutations';
import { useSectionState } from './useSectionState';

/** One column of a structure table, between the order number and the row's actions. */
export interface StructureColumn<T> {
  header: string;
  numeric?: boolean;
  cell(item: T): ReactNode;
}

/** What a section's form gets: the item to edit (null for a new one), and how to save or give up. */
export interface StructureFormProps<T, F> {
  item: T | null;
  onSubmit(fields: F): Promise<unknown>;
  onCancel(): void;
}

interface StructureSectionProps<T, F> {
  /** The contract prefix of its methods, which is also the catalog prefix of its texts. */
  structure: Structure;
  /** Prefix of the rows' button ids, so a moved row's arrow gets focus back. */
  itemId: string;
  editionId: number;
  items: readonly T[];
  readOnly: boolean;
  columns: readonly StructureColumn<T>[];
  mutations: StructureMutations<T, F>;
  form(props: StructureFormProps<T, F>): ReactNode;
  dialogSize?: 'small' | 'large';
}

/**
 * An ordered part of an edition's structure (categories, criteria, stages): its table with
 * move / edit / delete per row, the add-or-edit dialog and the delete confirmation. A section
 * declares only its columns, its form and its mutations.
 */
export function StructureSection<T extends { id: number; name: string }, F>({
  structure,
  itemId,
  editionId,
  items,
  readOnly,
  columns,
  mutations,
  form,
  dialogSize = 'small',
}: StructureSectionProps<T, F>) {
  const state = useSectionState<T>(itemId);
  const ids = items.map((item) => item.id);

  return (
    <ListPanel id={structure} title={t(`${structure}.title`)} addLabel={t(`${structure}.add`)} onAdd={state.startNew} addDisabled={readOnly}>
      {items.length === 0 ? (
        <p className="empty">{t(`${structure}.empty`)}</p>
      ) : (
        <table className="data-table compact">
          <caption className="sr-only">{t(`${structure}.title`)}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('common.order')}
              </th>
              {columns.map((column) => (
                <th key={column.header} scope="col" className={column.numeric ? 'num' : undefined}>
                  {column.header}
                </th>
              ))}
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item, index) => (
              <tr key={item.id}>
                <td className="num">{index + 1}</td>
                {columns.map((column) => (
                  <td key={column.header} className={column.numeric ? 'num' : undefined}>
                    {column.cell(item)}
                  </td>
                ))}
                <td>
                  <ItemActions
                    name={item.name}
                    index={index}
                    count={items.length}
                    buttonId={`${itemId}-${item.id}`}
                    disabled={readOnly}
                    onMove={(delta) => state.move(() => mutations.reorder.mutateAsync({ editionId, orderedIds: movedIds(ids, index, delta) }), item, delta)}
                    onEdit={() => state.startEdit(item)}
                    onDelete={() => state.askDelete(item)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {state.editing && (
        <Dialog title={state.editing.item ? t(`${structure}.editTitle`) : t(`${structure}.add`)} onClose={state.stopEditing} size={dialogSize}>
          {form({
            item: state.editing.item,
            onCancel: state.stopEditing,
            onSubmit: async (fields) => {
              const item = state.editing?.item;
              const saved = item ? await mutations.update.mutateAsync({ id: item.id, fields }) : await mutations.create.mutateAsync({ editionId, fields });
              state.stopEditing();
              state.announce(t('common.savedNamed', { name: saved.name }));
            },
          })}
        </Dialog>
      )}
      {state.deleting && (
        <ConfirmDialog
          title={t(`${structure}.deleteTitle`)}
          confirmLabel={t('common.delete')}
          danger
          onClose={state.stopDeleting}
          onConfirm={async () => {
            const item = state.deleting;
            if (!item) return;
            await mutations.remove.mutateAsync({ id: item.id });
            state.announce(t('common.deletedNamed', { name: item.name }));
          }}
        >
          <p>{t(`${structure}.deleteConfirm`, { name: state.deleting.name })}</p>
        </ConfirmDialog>
      )}
    </ListPanel>
  );
}
