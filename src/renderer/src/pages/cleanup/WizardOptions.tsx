import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CleanupOptions, CleanupWizard } from '../../../../shared/cleanup';

export interface OptionsForm {
  exitedHours: string;
  untilHours: string;
  keepNewest: string;
  keepStorageMb: string;
  protect: string;
  allImages: boolean;
  volumes: boolean;
}

function number(text: string): number | undefined {
  const value = Number(text.trim());
  return text.trim() === '' || !Number.isFinite(value) || value < 0 ? undefined : value;
}

/** The form as the preview channel takes it: empty fields are "no limit". */
export function toOptions(wizard: CleanupWizard, form: OptionsForm, protect: string[]): CleanupOptions {
  const options: CleanupOptions = {};
  const exited = number(form.exitedHours);
  const until = number(form.untilHours);
  const keep = number(form.keepNewest);
  if ((wizard === 'quick' || wizard === 'everything') && exited !== undefined) options.exitedHours = exited;
  if ((wizard === 'images' || wizard === 'everything' || wizard === 'buildCache') && until !== undefined) options.untilHours = until;
  const keepStorage = number(form.keepStorageMb);
  if (wizard === 'buildCache' && keepStorage !== undefined) options.keepStorageMb = Math.floor(keepStorage);
  if ((wizard === 'images' || wizard === 'everything') && keep !== undefined) options.keepNewest = Math.floor(keep);
  if (wizard !== 'volumes' && wizard !== 'networks' && protect.length > 0) options.protect = protect;
  if (wizard === 'everything') {
    options.allImages = form.allImages;
    options.volumes = form.volumes;
  }
  return options;
}

/** A number with its unit after it: hours, or a count of images. */
function Hours({ id, label, hint, value, onChange, unit = 'hours' }: { id: string; label: string; hint: string; value: string; onChange(v: string): void; unit?: 'hours' | 'images' | 'mb' }): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <span className="cleanup-options__with-unit">
        <input id={id} className="input cleanup-options__number" type="number" min={0} inputMode="numeric" value={value} onChange={(e) => onChange(e.target.value)} data-testid={id} />
        <span className="cleanup-options__unit" data-testid={`${id}-unit`}>
          {unit === 'hours' ? t('cleanup.options.hoursUnit') : unit === 'mb' ? 'MB' : t('cleanup.options.imagesUnit')}
        </span>
      </span>
      <span className="field__hint">{hint}</span>
    </div>
  );
}

/** The wizard's first step: only the questions that wizard has. */
export function WizardOptions({ wizard, form, onForm }: { wizard: CleanupWizard; form: OptionsForm; onForm(form: OptionsForm): void }): ReactElement {
  const { t } = useTranslation();
  const set = (patch: Partial<OptionsForm>): void => onForm({ ...form, ...patch });
  const imagesToo = wizard === 'images' || (wizard === 'everything' && form.allImages);
  return (
    <div className="cleanup-options" data-testid="cleanup-options">
      {wizard === 'quick' || wizard === 'everything' ? (
        <Hours id="cleanup-exited-hours" label={t('cleanup.options.exitedHours')} hint={t('cleanup.options.hoursHint')} value={form.exitedHours} onChange={(v) => set({ exitedHours: v })} />
      ) : null}
      {wizard === 'everything' ? (
        <>
          <label className="checkbox">
            <input type="checkbox" checked={form.allImages} onChange={(e) => set({ allImages: e.target.checked })} data-testid="cleanup-all-images" />
            {t('cleanup.options.allImages')}
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={form.volumes} onChange={(e) => set({ volumes: e.target.checked })} data-testid="cleanup-with-volumes" />
            {t('cleanup.options.volumes')}
          </label>
        </>
      ) : null}
      {imagesToo ? (
        <>
          <Hours id="cleanup-until-hours" label={t('cleanup.options.untilHours')} hint={t('cleanup.options.hoursHint')} value={form.untilHours} onChange={(v) => set({ untilHours: v })} />
          <Hours id="cleanup-keep-newest" label={t('cleanup.options.keepNewest')} hint={t('cleanup.options.keepHint')} value={form.keepNewest} onChange={(v) => set({ keepNewest: v })} unit="images" />
        </>
      ) : null}
      {wizard === 'quick' || wizard === 'images' || wizard === 'everything' ? (
        <div className="field">
          <label htmlFor="cleanup-protect">{t('cleanup.options.protect')}</label>
          <textarea id="cleanup-protect" className="input mono cleanup-options__protect" rows={3} value={form.protect} onChange={(e) => set({ protect: e.target.value })} data-testid="cleanup-protect" />
          <span className="field__hint">{t('cleanup.options.protectHint')}</span>
        </div>
      ) : null}
      {wizard === 'buildCache' ? (
        <>
          <Hours id="cleanup-cache-until" label={t('cleanup.options.cacheUntil')} hint={t('cleanup.options.hoursHint')} value={form.untilHours} onChange={(v) => set({ untilHours: v })} />
          <Hours id="cleanup-keep-storage" label={t('cleanup.options.keepStorage')} hint={t('cleanup.options.keepStorageHint')} value={form.keepStorageMb} onChange={(v) => set({ keepStorageMb: v })} unit="mb" />
        </>
      ) : null}
      {wizard === 'volumes' || wizard === 'networks' ? <p className="muted">{t('cleanup.options.nothingToChoose')}</p> : null}
    </div>
  );
}
