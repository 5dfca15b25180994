import { defineMessages } from "../define-messages.js";

/** Items' kind and order, assignees outside the chat, and channels named in a publish reply. */
export const itemMessages = defineMessages({
  sv: {
    "usage.external":
      '`extern NAMN` – någon utanför chatten (en enhet, en frånvarande ledamot) som kan få uppdrag, till exempel `extern Regionens kansli` och sedan `uppdrag @regionenskansli TEXT`; det går också direkt: `uppdrag @"Regionens kansli" TEXT`',
    "usage.item-kind":
      "`ändra ID beslut|diskussion|noterat [TEXT]` – gör en punkt till ett beslut, en diskussion eller noterat; en punkt på dagordningen blir antecknad utan att skrivas om",
    "usage.move-item":
      "`flytta ID före ID2` – flytta en punkt före en annan i samma möte, till exempel `flytta 5 före 3`",
    "parse.bad-external-name":
      "”{word}” går inte att skriva efter @: ett namn behöver minst en bokstav eller siffra.",
    "external.named":
      "{name} kan nu få uppdrag som @{handle}. Påminnelser går inte ut till dem: uppdragen syns i listor, anteckningar och veckosammanställningen.",
    "external.exists": "{name} finns redan och får uppdrag som @{handle}.",
    "external.named-in-action": "{name} finns nu i rådet: nästa gång räcker @{handle}.",
    "error.unknown-external":
      'Ingen i rådet heter @{handle}. Nämn en person som vanligt, eller ge uppdraget till någon utanför chatten med `uppdrag @"Namn" TEXT` eller `extern NAMN`.',
    "error.not-an-item": "#{ref} är ett uppdrag, inte en punkt.",
    "error.item-before-itself": "#{ref} kan inte flyttas före sig själv.",
    "error.items-in-different-meetings":
      "#{ref} och #{before} hör till olika möten. Bara punkter i samma möte kan byta ordning.",
    "item.kind.decision": "#{ref} är nu ett beslut, § {paragraph}.",
    "item.kind.decision-unnumbered":
      "#{ref} är nu ett beslut. Det får sin § när protokollet justeras.",
    "item.kind.discussion": "#{ref} är nu en diskussion.",
    "item.kind.info": "#{ref} är nu noterat.",
    "item.kind.kept-paragraph":
      "Den behåller § {paragraph}, som redan har justerats eller publicerats, så att numret aldrig står för något annat beslut.",
    "item.kind.renumbered":
      "{count, plural, one {Beslutet efter den fick en § lägre} other {De # besluten efter den fick var sin § lägre}}, så att numren följer på varandra.",
    "item.moved": "#{ref} ligger nu före #{before}.",
    "item.move-unchanged": "#{ref} ligger redan före #{before}.",
    "publish.channel.slack": "#{name}",
    "publish.channel.teams": "Teams-kanalen {name}",
  },
  en: {
    "usage.external":
      '`external NAME` – someone outside the chat (a unit, an absent member) who can be given actions, for example `external Regional office` and then `action @regionaloffice TEXT`; it also works at once: `action @"Regional office" TEXT`',
    "usage.item-kind":
      "`edit ID decision|discussion|note [TEXT]` – make an item a decision, a discussion or a note; a point on the agenda becomes a minuted item without being typed again",
    "usage.move-item":
      "`move ID before ID2` – move an item before another of the same meeting, for example `move 5 before 3`",
    "parse.bad-external-name":
      "“{word}” cannot be written after @: a name needs at least one letter or digit.",
    "external.named":
      "{name} can now be given actions as @{handle}. No reminders go to them: their actions show in lists, minutes and the weekly digest.",
    "external.exists": "{name} is already there and is given actions as @{handle}.",
    "external.named-in-action": "{name} is now known to the council: next time @{handle} will do.",
    "error.unknown-external":
      'Nobody in the council is called @{handle}. Mention a person as usual, or give the action to someone outside the chat with `action @"Name" TEXT` or `external NAME`.',
    "error.not-an-item": "#{ref} is an action, not an item.",
    "error.item-before-itself": "#{ref} cannot be moved before itself.",
    "error.items-in-different-meetings":
      "#{ref} and #{before} belong to different meetings. Only items of one meeting can change places.",
    "item.kind.decision": "#{ref} is now a decision, § {paragraph}.",
    "item.kind.decision-unnumbered":
      "#{ref} is now a decision. It gets its § when the minutes are approved.",
    "item.kind.discussion": "#{ref} is now a discussion.",
    "item.kind.info": "#{ref} is now a note.",
    "item.kind.kept-paragraph":
      "It keeps § {paragraph}, which has already been approved or published, so that the number never stands for another decision.",
    "item.kind.renumbered":
      "{count, plural, one {The decision after it moved down one §} other {The # decisions after it moved down one § each}}, so that the numbers follow each other.",
    "item.moved": "#{ref} is now before #{before}.",
    "item.move-unchanged": "#{ref} is already before #{before}.",
    "publish.channel.slack": "#{name}",
    "publish.channel.teams": "the Teams channel {name}",
  },
});
