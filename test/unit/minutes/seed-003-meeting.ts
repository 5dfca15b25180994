import type { MinutesSource } from "../../../src/domain/minutes/compile-minutes.js";

// The meeting behind seed 003 ("Noterat från Regionala samverkansrådet 11 april"), as the
// secretary would have logged it.

export const SEED_HEADINGS = [
  "Översyn av Kollektivtrafikmyndigheten",
  "Samverkansgrupp inom innovation och företagande",
  "Ny regional utvecklingsstrategi",
  "Företag ska få bättre hjälp att satsa på export",
] as const;

const texts = [
  "Regionala samverkansrådet informerades om och diskuterade tidplanen för översynen av kollektivtrafikmyndighetens styrdokument. Förslag till nya styrdokument förväntas vara klara i juni i år. Kvar återstår behoven av att skapa en tydlighet vad gäller organisering, kostnadsfördelningsmodell samt den regionala samordningen.",
  "Region Västernorrland fortsätter att, tillsammans med andra regionala aktörer, se över och vidareutveckla formerna för regional samverkan. Etablerade grupperingar som Kulturforum och regionala transportgruppen har genomfört möten den senaste veckan, nu planeras vårens möten inom bland annat hållbarhet, kompetensförsörjning och innovation och företagande.\n\nFör innovation och företagande blir det en omstart för grupperingar som tidigare träffats med länsstyrelsen som samordnare. Ett politiskt forum för innovation och företagande planeras under hösten 2018.",
  "Processen att ta fram en ny regional utvecklingsstrategi för perioden 2019-2030 pågår för fullt. Vid regionala samverkansrådets möte presenterades bland annat återkoppling av genomförd kommunturné, status avseende upphandling av analyser och strukturbilder, inklusive det erbjudande som gått ut till kommunerna om att genomföra ”Invandrarindex”.\n\nDen planerade diskussionspunkten om RUS ska ha en bred eller spetsig ansats kommer att lyftas vid nästa möte i Regionala samverkansrådet.\n\nRegionala samverkansrådet fick även information om och inbjudan till Framtidsdag Västernorrland den 12 juni.",
  "UD har, via regeringsuppdrag till Tillväxtverket, erbjudit samtliga regioner i Sverige förstärkt finansiellt stöd att inrätta/förstärka regional exportsamverkan. Region Västernorrland har tackat ja till erbjudandet genom en intresseanmälan och slutför nu, i dialog med aktörerna i Team Mid Sweden, en ansökan för att vidareutveckla regional exportsamverkan och inrätta regionala sidor på verksamt.se. Sajten är en samlad service för de som funderar på att starta, driva eller utveckla företag. För arbetet upprättas också ett samverkansavtal med Almi Företagspartner Mitt AB.\n\nDet ska vara enkelt för företag som vill göra affärer med andra länder, att hitta rätt stöd, i rätt tid\n\nRedan idag samverkar rådgivare från organisationer som på olika sätt erbjuder stöd till företag som vill satsa internationellt, bland andra Almi, Business Sweden, EEN och EKN. I nya uppdraget regional exportsamverkan ska arbetet formaliseras och arbetet drivs av regionalt utvecklingsansvariga på regionen med stöd från Tillväxtverket.\n\nInom ramen för detta uppdrag kommer Västernorrlands regionala sida under verksamt.se att tas fram, med information från både Team Mid Sweden och kommunerna och lanseringen av regional exportsamverkan planeras till 29 maj i Härnösand.",
];

export const SEED_TEXTS: readonly string[] = texts;

/** Published the morning after, 11:50 Swedish summer time. */
export const SEED_PUBLISHED_AT = new Date("2018-04-12T09:50:00Z");

export function seedMeeting(overrides: Partial<MinutesSource> = {}): MinutesSource {
  return {
    locale: "sv",
    timeZone: "Europe/Stockholm",
    now: SEED_PUBLISHED_AT,
    council: { name: "Regionala samverkansrådet" },
    meeting: {
      // 13:00 in Stockholm (CEST, UTC+2).
      startsAt: new Date("2018-04-11T11:00:00Z"),
      lede: null,
      documentsUrl: "rvn.se",
      publishedAt: SEED_PUBLISHED_AT,
    },
    items: SEED_HEADINGS.map((heading, index) => ({
      ref: index + 1,
      kind: index === 0 ? "discussion" : "info",
      heading,
      text: texts[index] ?? "",
      paragraph: null,
    })),
    actions: [],
    nextMeeting: { startsAt: new Date("2018-05-30T11:00:00Z") },
    ...overrides,
  };
}
