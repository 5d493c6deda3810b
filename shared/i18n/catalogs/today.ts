import { defineCatalog } from '../define';

/** The Today screen: every due item with its paragraph. */
export const today = defineCatalog(
  {
    today: {
      title: 'Сегодня',
      empty: 'Сроков на сегодня нет.',
      overdue: 'просрочено',
      due: 'срок {{date}}',
      noticeOn: 'от {{date}}',
      paragraph: 'п. {{p}}',
      ours: 'своё правило',
      rules: {
        passOn: 'Тетрадь, запись № {{number}}: информацию для «{{to}}» передать до {{deadline}}',
        instruction: '{{owner}}: поручение {{givenBy}} — {{text}}',
        callInMissing: '{{person}}: нет выхода на связь с дежурной частью за {{date}}',
        tourMissing: '{{person}}: нет записи об обходе участка за {{date}}',
        receptionFollowUp: 'Приём № {{number}} от {{date}} ({{person}}): срок контроля — {{subject}}',
        transferRequest:
          'Дело № {{number}} ({{person}}): запрос в орган полиции по новому месту жительства — до {{deadline}}',
        sendMaterials: 'Дело № {{number}} ({{person}}): прибытие подтверждено — направить материалы',
        supervisionCheck: 'Дело № {{number}} ({{person}}): запланирована проверка',
        fileOut: 'Дело № {{number}} ({{person}}): материалы выданы из сейфа {{since}} и не возвращены',
        meetingQuarter: '{{person}}: в {{quarter}} квартале нет отчётной встречи с населением',
        meetingQuarterPlanned:
          '{{person}}: отчётная встреча {{quarter}} квартала назначена на {{date}}, ещё не проведена',
        meetingQuarterMissed: '{{person}}: {{quarter}} квартал закончился без проведённой отчётной встречи',
        meetingNotice: 'Встреча {{date}} ({{place}}): оповестить население не позднее чем за 10 дней',
        meetingProtocol: 'Встреча {{date}} ({{place}}): оформить и подписать протокол в день встречи',
        meetingRetention: 'Встреча {{date}}: год хранения материалов истёк — уничтожить по акту',
        meetingForward: 'Встреча {{date}}: «{{text}}» — направить в {{to}} и уведомить инициатора',
        meetingCheck: 'Встреча {{date}}: проверка по «{{text}}»',
        planDraft: '{{month}}: план работы УПП на следующий месяц не направлен на утверждение',
        planApprove: '{{month}}: план работы УПП ждёт утверждения',
        planItem: 'План УПП: «{{text}}» — срок {{date}}',
        firearmCheck:
          '{{person}} (участок {{section}}): ежегодная проверка владельца оружия по месту жительства, последняя — {{last}}',
        applicantCheck:
          '{{person}} (участок {{section}}): проверка заявителя на разрешение на оружие по поручению от {{received}}',
        foreignerStay: '{{person}}: срок разрешённого проживания истекает {{until}}',
        foreignerPassport: '{{person}}: срок действия паспорта истекает {{until}}',
        sectionTour:
          '{{person}}: подворный обход участка {{section}}, принятого {{accepted}} (дата назначения на должность не записана: срок от акта)',
        sectionTourAppointed:
          '{{person}}: подворный обход участка {{section}} — месяц со дня назначения на должность {{appointed}}',
        passportYear: 'Паспорт участка {{section}}: заполнить данные по состоянию на 1 января {{year}} г.',
        recoveryRenew:
          'Выдайте новый код восстановления и положите его лист в сейф (один раз, для этой версии программы): до этого при увольнении сотрудника или сбросе пароля ключ базы не меняется',
        access: {
          create:
            '{{by}} создал учётную запись {{account}} ($t(roles.{{role}})) с доступом к учётным делам; подтвердил {{confirmedBy}}',
          update:
            '{{by}} дал учётной записи {{account}} роль $t(roles.{{role}}) или новые участки с доступом к учётным делам; подтвердил {{confirmedBy}}',
          resetPassword:
            '{{by}} сбросил пароль учётной записи {{account}} ($t(roles.{{role}})), читающей учётные дела; подтвердил {{confirmedBy}}',
        },
        backupOffsite: 'Уже {{days}} дн. ни одна резервная копия не записана вне этого ПК (флешка, сетевая папка)',
        backupNoFolder: 'Не выбрана папка для копий вне этого ПК: при поломке диска данные будут потеряны',
        coverMissing:
          '{{person}}: отсутствие с {{from}} по {{to}} длится более пяти рабочих дней — не назначен инспектор смежного участка',
      },
    },
  },
  {
    today: {
      title: 'Бүгін',
      empty: 'Бүгінге мерзімдер жоқ.',
      overdue: 'мерзімі өтті',
      due: 'мерзімі {{date}}',
      noticeOn: '{{date}}',
      paragraph: '{{p}}-т.',
      ours: 'өз ережеміз',
      rules: {
        passOn: 'Дәптер, № {{number}} жазба: «{{to}}» үшін ақпаратты {{deadline}} дейін беру',
        instruction: '{{owner}}: {{givenBy}} тапсырмасы — {{text}}',
        callInMissing: '{{person}}: {{date}} кезекші бөлімге байланысқа шықпаған',
        tourMissing: '{{person}}: {{date}} учаскені аралау туралы жазба жоқ',
        receptionFollowUp: '{{date}} № {{number}} қабылдау ({{person}}): бақылау мерзімі — {{subject}}',
        transferRequest:
          '№ {{number}} іс ({{person}}): жаңа тұрғылықты жердегі полиция органына сұрау салу — {{deadline}} дейін',
        sendMaterials: '№ {{number}} іс ({{person}}): келгені расталды — материалдарды жіберу',
        supervisionCheck: '№ {{number}} іс ({{person}}): тексеру жоспарланған',
        fileOut: '№ {{number}} іс ({{person}}): материалдар сейфтен {{since}} берілген, қайтарылмаған',
        meetingQuarter: '{{person}}: {{quarter}} тоқсанда тұрғындармен есеп беру кездесуі жоқ',
        meetingQuarterPlanned:
          '{{person}}: {{quarter}} тоқсанның есеп беру кездесуі {{date}} күніне белгіленген, әлі өткізілмеген',
        meetingQuarterMissed: '{{person}}: {{quarter}} тоқсан есеп беру кездесуі өткізілмей аяқталды',
        meetingNotice: '{{date}} кездесу ({{place}}): тұрғындарға кемінде 10 күн бұрын хабарлау',
        meetingProtocol: '{{date}} кездесу ({{place}}): хаттаманы кездесу күні ресімдеп, қол қою',
        meetingRetention: '{{date}} кездесу: материалдарды сақтаудың бір жылы өтті — акт бойынша жою',
        meetingForward: '{{date}} кездесу: «{{text}}» — {{to}} жіберу және бастамашыға хабарлау',
        meetingCheck: '{{date}} кездесу: «{{text}}» бойынша тексеру',
        planDraft: '{{month}}: келесі айға УПП жұмыс жоспары бекітуге жіберілмеген',
        planApprove: '{{month}}: УПП жұмыс жоспары бекітуді күтуде',
        planItem: 'УПП жоспары: «{{text}}» — мерзімі {{date}}',
        firearmCheck:
          '{{person}} ({{section}} учаске): қару иесін тұрғылықты жері бойынша жыл сайынғы тексеру, соңғысы — {{last}}',
        applicantCheck:
          '{{person}} ({{section}} учаске): {{received}} тапсырма бойынша қаруға рұқсат алуға үміткерді тексеру',
        foreignerStay: '{{person}}: тұруға рұқсат етілген мерзім {{until}} аяқталады',
        foreignerPassport: '{{person}}: паспорттың қолданылу мерзімі {{until}} аяқталады',
        sectionTour:
          '{{person}}: {{accepted}} қабылданған {{section}} учаскесін үйме-үй аралау (лауазымға тағайындалған күні жазылмаған: мерзім актіден)',
        sectionTourAppointed:
          '{{person}}: {{section}} учаскесін үйме-үй аралау — лауазымға {{appointed}} тағайындалған күннен бастап бір ай',
        passportYear: '{{section}} учаскесінің паспорты: {{year}} жылғы 1 қаңтардағы жағдай бойынша деректерді толтыру',
        recoveryRenew:
          'Жаңа қалпына келтіру кодын беріп, оның парағын сейфке салыңыз (бір рет, бағдарламаның осы нұсқасы үшін): оған дейін қызметкер босатылғанда не құпиясөз қалпына келтірілгенде дерекқор кілті ауыспайды',
        access: {
          create:
            '{{by}} есеп істеріне қолжетімді {{account}} тіркелгісін құрды ($t(roles.{{role}})); растаған: {{confirmedBy}}',
          update:
            '{{by}} {{account}} тіркелгісіне есеп істеріне қолжетімді $t(roles.{{role}}) рөлін немесе жаңа учаскелер берді; растаған: {{confirmedBy}}',
          resetPassword:
            '{{by}} есеп істерін оқитын {{account}} тіркелгісінің құпиясөзін қалпына келтірді ($t(roles.{{role}})); растаған: {{confirmedBy}}',
        },
        backupOffsite:
          '{{days}} күн бойы бірде-бір сақтық көшірме бұл компьютерден тыс жазылмады (флешка, желілік қалта)',
        backupNoFolder: 'Бұл компьютерден тыс көшірмелерге қалта таңдалмаған: диск бұзылса, деректер жоғалады',
        coverMissing:
          '{{person}}: {{from}} бастап {{to}} дейінгі болмауы бес жұмыс күнінен асады — іргелес учаскенің инспекторы тағайындалмаған',
      },
    },
  },
);
