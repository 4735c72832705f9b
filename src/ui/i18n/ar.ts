// Arabic catalogue (started, right to left): keys missing here fall back to German.
import type { MessageKey } from './de.ts';

export const ar: Partial<Record<MessageKey, string>> = {
  'site.name': 'منصة الفضاء الاجتماعي',
  'nav.label': 'التنقل الرئيسي',
  'nav.home': 'الصفحة الرئيسية',
  'nav.areas': 'المناطق',
  'nav.map': 'الخريطة',
  'skip.main': 'انتقل إلى المحتوى',
  'lang.label': 'اللغة',
  'footer.imprint': 'بيانات الناشر',
  'footer.privacy': 'حماية البيانات',
  'footer.accessibility': 'بيان إمكانية الوصول',
  'footer.barrier': 'الإبلاغ عن عائق',
  'home.pillars': 'الركائز الثلاث',
  'error.notFound': 'هذه الصفحة غير موجودة.',
};
