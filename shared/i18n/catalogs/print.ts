import { defineCatalog } from '../define';

/** The print preview: every printed document opens in it. */
export const print = defineCatalog(
  {
    preview: {
      building: 'Документ готовится…',
      buildingPages: 'Готово страниц: {{done}} из {{pages}}',
      pageOf: 'Страница {{page}} из {{pages}}',
      pages: 'Страниц: {{count}}',
      prev: 'Предыдущая страница (PgUp)',
      next: 'Следующая страница (PgDn)',
      zoomIn: 'Крупнее',
      zoomOut: 'Мельче',
      language: 'Язык документа',
      period: 'Период',
      printer: 'Принтер',
      print: 'Печать (Ctrl+P)',
      save: 'Сохранить',
      close: 'Закрыть (Esc)',
      preparing: 'Страницы для принтера: {{done}} из {{pages}}',
      saved: 'Сохранено: {{name}}',
      failed: 'Документ не удалось показать. Данные не изменены.',
    },
  },
  {
    preview: {
      building: 'Құжат дайындалуда…',
      buildingPages: 'Дайын беттер: {{done}} / {{pages}}',
      pageOf: '{{page}}-бет, барлығы {{pages}}',
      pages: 'Беттер саны: {{count}}',
      prev: 'Алдыңғы бет (PgUp)',
      next: 'Келесі бет (PgDn)',
      zoomIn: 'Үлкейту',
      zoomOut: 'Кішірейту',
      language: 'Құжат тілі',
      period: 'Кезең',
      printer: 'Принтер',
      print: 'Басып шығару (Ctrl+P)',
      save: 'Сақтау',
      close: 'Жабу (Esc)',
      preparing: 'Принтерге арналған беттер: {{done}} / {{pages}}',
      saved: 'Сақталды: {{name}}',
      failed: 'Құжатты көрсету мүмкін болмады. Деректер өзгертілмеді.',
    },
  },
);
