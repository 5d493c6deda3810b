import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/kk';
import 'dayjs/locale/ru';
import { resources } from '../../shared/i18n';
import type { Language } from '../../shared/api';

const KEY = 'uchaske.language';
export const initialLanguage = (): Language => (localStorage.getItem(KEY) === 'ru' ? 'ru' : 'kk');

void i18next.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: false,
  initAsync: false,
  interpolation: { escapeValue: false },
});
dayjs.locale(initialLanguage());

export function setLanguage(lang: Language): void {
  localStorage.setItem(KEY, lang);
  document.documentElement.lang = lang;
  dayjs.locale(lang);
  void i18next.changeLanguage(lang);
}

export default i18next;
