import { md, plain } from './escape';
import { fill, labelsFor, type CardLocale, type Labels } from './locale';

/** First run in a tenant no partner owns, or the settings of the partner that does (issue 9, step 1). */
export interface SetupData {
  l: Labels;
  title: string;
  intro: string;
  notice: string;
  isNew: boolean;
  values: { partnerName: string; locationId: string; locationName: string; country: string; threshold: number; adminEmail: string };
}

export interface SetupValues {
  partnerName?: string | null;
  threshold: number;
  adminEmail?: string | null;
}

export function toSetupData(v: SetupValues, locale: CardLocale, notice: string | null = null): SetupData {
  const l = labelsFor(locale);
  return {
    l,
    title: fill(l.admin.setup.title, { partner: md(v.partnerName, 200, 'Planning Services') }),
    intro: l.admin.setup.intro,
    notice: md(notice, 500),
    isNew: true,
    values: {
      partnerName: plain(v.partnerName, 200),
      locationId: '',
      locationName: '',
      country: '',
      threshold: v.threshold,
      adminEmail: plain(v.adminEmail, 254),
    },
  };
}

export function toSettingsData(
  partner: { name: string; settings: { approvalDaysThreshold: number } },
  locale: CardLocale,
  notice: string | null = null,
): SetupData {
  const l = labelsFor(locale);
  return {
    l,
    title: l.admin.setup.settingsTitle,
    intro: fill(l.admin.setup.settingsIntro, { partner: md(partner.name, 200) }),
    notice: md(notice, 500),
    isNew: false,
    values: {
      partnerName: plain(partner.name, 200),
      locationId: '',
      locationName: '',
      country: '',
      threshold: partner.settings.approvalDaysThreshold,
      adminEmail: '',
    },
  };
}
