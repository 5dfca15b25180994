import { defineMessages } from "../define-messages.js";

/**
 * Protocol mode (architecture.md §12): the commands' forms, their replies and refusals — mode and
 * settings, the register, attendance and quorum, justerare, what a § records, justering, anslag.
 */
export const protocolCommandMessages = defineMessages({
  sv: {
    "usage.mode":
      "`läge protokoll|anteckningar` – för formellt protokoll med §§, närvaro och justerare, eller korta anteckningar",
    "usage.settings": "`inställningar` – rådets alla inställningar",
    "usage.register":
      "`ledamot @PERSON…` / `ersättare @PERSON…` – för in ordinarie ledamöter eller ersättare i rådets register",
    "usage.members": "`medlemmar` – rådets register med roller",
    "usage.attendance":
      "`närvarande @PERSON…` / `frånvarande @PERSON…` – närvaron vid dagens (eller senaste) möte",
    "usage.serving": "`ersättare @ERSÄTTARE för @LEDAMOT` – en ersättare tjänstgör för en ledamot",
    "usage.approvers":
      "`justerare [@PERSON…]` – utse justerare för mötet; utan namn föreslås och utses nästa i tur",
    "usage.reservation": "`reservation ID @PERSON [TEXT]` – en reservation mot beslut ID",
    "usage.remark": "`anteckning ID TEXT` – en protokollsanteckning under punkt ID",
    "usage.conflict": "`jäv ID @PERSON` – personen deltar inte i handläggningen av punkt ID",
    "usage.vote":
      "`votering ID JA NEJ [AVSTÅR]` – omröstningen om beslut ID, till exempel `votering 12 4 1`",
    "usage.immediate":
      "`omedelbar ID` – paragrafen justeras omedelbart på mötet (`justera ID`) och kan publiceras för sig (`publicera ID`)",
    "usage.notice-show": "`anslag` – datum för anslaget om justering och sista dag att överklaga",
    "usage.notice-set": "`anslag på|av` – om justerade protokoll anslås",
    "parse.bad-mode": "”{word}” är inget läge. Skriv `läge protokoll` eller `läge anteckningar`.",
    "parse.bad-switch": "Skriv `på` eller `av`, inte ”{word}”.",
    "parse.bad-count": "”{word}” är inget antal röster.",
    "mode.notes": "anteckningar",
    "mode.protocol": "protokoll",
    "mode.unchanged": "Rådet för redan {mode}.",
    "mode.set.protocol":
      "{council} för nu protokoll: §§ på varje punkt, närvaro, justerare och justering inom tidsfristen. Börja med `ledamot @…` och `möte DATUM`.",
    "mode.set.notes": "{council} för nu korta anteckningar (”Noterat från …”).",
    "settings.title": "Inställningar för {council}",
    "settings.language": "Språk: {language}",
    "settings.language.sv": "svenska",
    "settings.language.en": "engelska",
    "settings.time-zone": "Tidszon: {zone}",
    "settings.mode": "Läge: {mode}",
    "settings.notice-on": "Anslag om justering: på",
    "settings.notice-off": "Anslag om justering: av",
    "role.substitute": "ersättare",
    "register.added.member": "I registret som ledamot: {names}.",
    "register.added.substitute": "I registret som ersättare: {names}.",
    "members.title": "Registret för {council}",
    "members.line": "{name} – {roles}",
    "attendance.present": "Närvarande: {names}.",
    "attendance.absent": "Frånvarande: {names}.",
    "attendance.serving": "{substitute} tjänstgör för {member}.",
    "quorum.met":
      "Mötet är beslutsmässigt: {deciding} av {members, plural, one {# ledamot} other {# ledamöter}} deltar.",
    "quorum.not-met":
      "Obs! Mötet är inte beslutsmässigt: {deciding} av {members, plural, one {# ledamot} other {# ledamöter}} deltar, minst {needed} behövs. Det står i protokollet.",
    "approvers.chosen": "Att jämte ordföranden justera protokollet utses {names}.",
    "approvers.rota":
      "Näst i tur att justera är {names}, som utses att jämte ordföranden justera protokollet.",
    "paragraph.reservation": "{name} reserverar sig mot beslutet i #{ref}.",
    "paragraph.remark": "Protokollsanteckning förd under #{ref}.",
    "paragraph.conflict": "{name} deltar inte i handläggningen av #{ref} (jäv).",
    "paragraph.vote": "Omröstning i #{ref}: ja {yes}, nej {no}.",
    "paragraph.immediate":
      "#{ref} justeras omedelbart: ordföranden och justerarna skriver `justera {ref}`.",
    "item.recorded.decision-unnumbered": "Beslut #{ref}: {heading} (§ sätts vid justeringen)",
    "meeting.procedures-planned":
      "Protokollets inledande och avslutande paragrafer är planerade; fyll i dem med `ändra ID TEXT`.",
    "procedure.opening": "Mötets öppnande",
    "procedure.approvers": "Val av justerare",
    "procedure.agenda": "Fastställande av dagordning",
    "procedure.previous": "Föregående protokoll",
    "procedure.follow-up": "Uppföljning av uppdrag",
    "procedure.other": "Övriga frågor",
    "procedure.closing": "Mötets avslutande",
    "justering.signed":
      "{name} har justerat protokollet från mötet {date} (kontrollsumma {checksum}). Väntar på {waiting}.",
    "justering.complete":
      "Protokollet från mötet {date} är justerat: {name} skrev sist (kontrollsumma {checksum}). Sekreteraren publicerar det med `publicera`.",
    "justering.paragraph-signed":
      "{name} har justerat § {paragraph} (#{ref}). Väntar på {waiting}.",
    "justering.paragraph-complete":
      "§ {paragraph} (#{ref}) är omedelbart justerad och kan publiceras för sig med `publicera {ref}`.",
    "protocol.draft-next":
      "Utkast. Ordföranden och justerarna justerar med `justera`; när alla har justerat publicerar sekreteraren.",
    "protocol.justerad-view": "Så här justerades protokollet (kontrollsumma {checksum}).",
    "protocol.extract-title": "Protokollsutdrag: {title}, § {paragraph}",
    "notice.on": "Justerade protokoll anslås från och med nu. `anslag` visar datumen.",
    "notice.off": "Justerade protokoll anslås inte längre.",
    "notice.disabled":
      "Rådet anslår inte justerade protokoll. Sekreteraren slår på det med `anslag på`.",
    "notice.dates":
      "Protokollet från mötet {date}: anslaget sätts upp {posted} och tas ned {down}. Sista dag att överklaga är {appeal}.",
    "error.not-protocol-mode":
      "Det hör till protokolläget. Sekreteraren slår på det med `läge protokoll`.",
    "error.not-in-council": "{name} finns inte i rådets register. Lägg till med `ledamot @…`.",
    "error.not-a-substitute": "{name} är inte ersättare i rådet. Lägg till med `ersättare @…`.",
    "error.not-a-member": "{name} är inte ordinarie ledamot i rådet.",
    "error.not-a-decision": "#{ref} är inget beslut: reservation och omröstning gäller beslut.",
    "error.vote-exceeds":
      "Fler röster ({votes}) än de som får rösta ({limit}). Kontrollera närvaron med `närvarande`.",
    "error.forbidden-protocol-approver":
      "Protokollet justeras av ordföranden och de utsedda justerarna.",
    "error.already-signed": "Du har redan justerat.",
    "error.no-approvers-chosen":
      "Inga justerare är utsedda. Sekreteraren utser dem med `justerare`.",
    "error.no-one-in-rota":
      "Ingen ledamot står på tur: registret är tomt eller alla är ordförande, sekreterare eller frånvarande.",
    "error.not-immediate":
      "#{ref} är inte förklarad omedelbart justerad. Skriv först `omedelbar {ref}`.",
    "error.immediate-not-approved": "#{ref} är inte justerad än av alla som ska justera.",
    "error.not-justerad": "Inget protokoll är justerat än.",
    "error.paragraphs-taken":
      "Paragrafnumren skulle krocka med ett annat mötes protokoll. Ingen justering gjordes; säg till sekreteraren.",
    "error.no-chair":
      "Rådet har ingen ordförande, och protokollet justeras av ordföranden med justerarna. Sekreteraren utser en med `roll @… ordförande`.",
    "error.approver-is-chair":
      "{name} är ordförande och justerar protokollet ändå. Utse en annan ledamot till justerare.",
    "justering.restarted":
      "Protokollet har ändrats sedan de tidigare justeringarna, som därför har strukits: alla justerar det nya protokollet.",
  },
  en: {
    "usage.mode":
      "`mode protocol|notes` – keep formal minutes with §§, attendance and approvers, or short notes",
    "usage.settings": "`settings` – every setting of the council",
    "usage.register":
      "`member @PERSON…` / `substitute @PERSON…` – add ordinary members or substitutes to the council's register",
    "usage.members": "`members` – the council's register with roles",
    "usage.attendance":
      "`present @PERSON…` / `absent @PERSON…` – attendance at today's (or the latest) meeting",
    "usage.serving": "`substitute @SUBSTITUTE for @MEMBER` – a substitute serves for a member",
    "usage.approvers":
      "`approvers [@PERSON…]` – choose the meeting's approvers; with no names, the next in turn is chosen",
    "usage.reservation": "`dissent ID @PERSON [TEXT]` – a dissent from decision ID",
    "usage.remark": "`remark ID TEXT` – a remark entered in the minutes under item ID",
    "usage.conflict": "`conflict ID @PERSON` – the person takes no part in item ID",
    "usage.vote": "`vote ID YES NO [ABSTAIN]` – the vote on decision ID, e.g. `vote 12 4 1`",
    "usage.immediate":
      "`immediate ID` – the § is approved at the meeting (`approve ID`) and can be published alone (`publish ID`)",
    "usage.notice-show":
      "`notice` – the dates of the notice of approval and the last day to appeal",
    "usage.notice-set": "`notice on|off` – whether approved minutes get a notice",
    "parse.bad-mode": "“{word}” is not a mode. Write `mode protocol` or `mode notes`.",
    "parse.bad-switch": "Write `on` or `off`, not “{word}”.",
    "parse.bad-count": "“{word}” is not a number of votes.",
    "mode.notes": "notes",
    "mode.protocol": "formal minutes",
    "mode.unchanged": "The council already keeps {mode}.",
    "mode.set.protocol":
      "{council} now keeps formal minutes: a § on every item, attendance, approvers and approval by the deadline. Start with `member @…` and `meeting DATE`.",
    "mode.set.notes": "{council} now keeps short notes (“Notes from …”).",
    "settings.title": "Settings of {council}",
    "settings.language": "Language: {language}",
    "settings.language.sv": "Swedish",
    "settings.language.en": "English",
    "settings.time-zone": "Time zone: {zone}",
    "settings.mode": "Mode: {mode}",
    "settings.notice-on": "Notice of approval: on",
    "settings.notice-off": "Notice of approval: off",
    "role.substitute": "substitute",
    "register.added.member": "In the register as members: {names}.",
    "register.added.substitute": "In the register as substitutes: {names}.",
    "members.title": "The register of {council}",
    "members.line": "{name} – {roles}",
    "attendance.present": "Present: {names}.",
    "attendance.absent": "Absent: {names}.",
    "attendance.serving": "{substitute} serves for {member}.",
    "quorum.met": "The meeting is quorate (members taking part: {deciding} of {members}).",
    "quorum.not-met":
      "Note: the meeting is not quorate (members taking part: {deciding} of {members}; at least {needed} needed). The minutes say so.",
    "approvers.chosen": "Chosen to approve the minutes with the chair: {names}.",
    "approvers.rota":
      "Next in turn to approve is {names}, chosen to approve the minutes with the chair.",
    "paragraph.reservation": "{name} dissents from the decision in #{ref}.",
    "paragraph.remark": "Remark entered under #{ref}.",
    "paragraph.conflict": "{name} takes no part in #{ref} (conflict of interest).",
    "paragraph.vote": "Vote in #{ref}: yes {yes}, no {no}.",
    "paragraph.immediate":
      "#{ref} is approved at once: the chair and the approvers write `approve {ref}`.",
    "item.recorded.decision-unnumbered": "Decision #{ref}: {heading} (numbered at approval)",
    "meeting.procedures-planned":
      "The minutes' opening and closing §§ are planned; fill them in with `edit ID TEXT`.",
    "procedure.opening": "Opening of the meeting",
    "procedure.approvers": "Election of approvers",
    "procedure.agenda": "Adoption of the agenda",
    "procedure.previous": "Previous minutes",
    "procedure.follow-up": "Follow-up of actions",
    "procedure.other": "Any other business",
    "procedure.closing": "Closing of the meeting",
    "justering.signed":
      "{name} approved the minutes of the meeting on {date} (checksum {checksum}). Waiting for {waiting}.",
    "justering.complete":
      "The minutes of the meeting on {date} are approved: {name} signed last (checksum {checksum}). The secretary publishes them with `publish`.",
    "justering.paragraph-signed": "{name} approved § {paragraph} (#{ref}). Waiting for {waiting}.",
    "justering.paragraph-complete":
      "§ {paragraph} (#{ref}) is approved at once and can be published alone with `publish {ref}`.",
    "protocol.draft-next":
      "Draft. The chair and the approvers approve with `approve`; once all have, the secretary publishes.",
    "protocol.justerad-view": "These are the minutes as approved (checksum {checksum}).",
    "protocol.extract-title": "Extract: {title}, § {paragraph}",
    "notice.on": "Approved minutes get a notice from now on. `notice` shows the dates.",
    "notice.off": "Approved minutes no longer get a notice.",
    "notice.disabled":
      "The council gives no notice of approved minutes. The secretary turns it on with `notice on`.",
    "notice.dates":
      "The minutes of the meeting on {date}: the notice goes up on {posted} and comes down on {down}. The last day to appeal is {appeal}.",
    "error.not-protocol-mode":
      "That belongs to formal minutes. The secretary turns them on with `mode protocol`.",
    "error.not-in-council": "{name} is not in the council's register. Add them with `member @…`.",
    "error.not-a-substitute":
      "{name} is not a substitute in the council. Add them with `substitute @…`.",
    "error.not-a-member": "{name} is not an ordinary member of the council.",
    "error.not-a-decision": "#{ref} is not a decision: dissents and votes are on decisions.",
    "error.vote-exceeds":
      "More votes ({votes}) than those who may vote ({limit}). Check the attendance with `present`.",
    "error.forbidden-protocol-approver":
      "The minutes are approved by the chair and the chosen approvers.",
    "error.already-signed": "You have already approved.",
    "error.no-approvers-chosen":
      "No approvers are chosen. The secretary chooses them with `approvers`.",
    "error.no-one-in-rota":
      "No member is next in turn: the register is empty, or everyone is chair, secretary or absent.",
    "error.not-immediate":
      "#{ref} is not declared approved at once. First write `immediate {ref}`.",
    "error.immediate-not-approved": "#{ref} is not yet approved by everyone who must approve it.",
    "error.not-justerad": "No minutes are approved yet.",
    "error.paragraphs-taken":
      "The § numbers would clash with another meeting's minutes. Nothing was signed; tell the secretary.",
    "error.no-chair":
      "The council has no chair, and the minutes are approved by the chair with the approvers. The secretary names one with `role @… chair`.",
    "error.approver-is-chair":
      "{name} is the chair and approves the minutes anyway. Choose another member as approver.",
    "justering.restarted":
      "The minutes have changed since the earlier approvals, which were therefore voided: everyone approves the new minutes.",
  },
});
