import { defineCatalog } from '../define';

/** Users and roles. */
export const users = defineCatalog(
  {
    users: {
      title: 'Пользователи',
      add: 'Новый пользователь',
      editTitle: 'Пользователь',
      resetPassword: 'Сбросить пароль',
      deactivate: 'Отключить',
      deactivateTitle: 'Отключить пользователя',
      deactivateText: 'Вход будет закрыт, вся история сохранится.',
      showInactive: 'Показать отключённых',
      inactive: 'отключён',
      mustChange: 'сменит пароль при входе',
      created: 'Пользователь создан. Сообщите ему логин и временный пароль.',
      passwordReset: 'Пароль сброшен',
    },
  },
  {
    users: {
      title: 'Пайдаланушылар',
      add: 'Жаңа пайдаланушы',
      editTitle: 'Пайдаланушы',
      resetPassword: 'Құпиясөзді қалпына келтіру',
      deactivate: 'Өшіру',
      deactivateTitle: 'Пайдаланушыны өшіру',
      deactivateText: 'Кіру жабылады, барлық тарих сақталады.',
      showInactive: 'Өшірілгендерді көрсету',
      inactive: 'өшірілген',
      mustChange: 'кірген кезде құпиясөзді өзгертеді',
      created: 'Пайдаланушы құрылды. Оған логин мен уақытша құпиясөзді хабарлаңыз.',
      passwordReset: 'Құпиясөз қалпына келтірілді',
    },
  },
);
