/** Notice texts in Swedish. */
import type { NoticeCatalog } from "./catalog.js";

/** Swedish notices. */
export const sv: NoticeCatalog = {
  phrases: {
    greeting: "Hej,",
    greetingNamed: "Hej {name},",
    cause: "Orsaken: {cause}.",
    causeQuoted: "Orsaken, så som den rapporterades (vi har den inte på svenska): ”{cause}”.",
    causes: {
      weather: "dåligt väder",
      air_traffic_control: "begränsningar från flygtrafikledningen",
      technical: "ett tekniskt fel",
      late_aircraft: "att flygplanet kom för sent från sin tidigare flygning",
      crew: "brist på besättningspersonal",
      strike: "en strejk",
      security: "en säkerhetsincident",
    },
    passengerNamed: "Det här meddelandet gäller {name}, en av passagerarna på bokningen.",
    passengerNumbered: "Det här meddelandet gäller passagerare {number} av {of} på bokningen.",
    subjectPassenger: "{subject} ({passenger})",
    passengerShort: "passagerare {number} av {of}",
    space: " ",
    did: {
      refund: "Vi betalar tillbaka {parts}.",
      compensation: "Vi betalar dig {parts} i ersättning.",
      credit: "Vi ger dig {parts}.",
      points: "Vi sätter in {parts} på ditt konto.",
    },
    dueBy: "Det sker senast den {due}.",
    tender: {
      card: "{amount} till ditt kort",
      points: "{amount}",
      cash: "{amount}",
      voucher: "{amount} som värdebevis",
      wallet: "{amount} till din digitala plånbok",
      credit: "{amount} som tillgodohavande på ditt konto",
      original: "{amount}, på samma sätt som du betalade",
      other: "{amount}",
    },
    nothingToDo: "Du behöver inte göra något.",
    promise: "Vårt löfte: ”{title}”",
    signoff: "Vänliga hälsningar\n{company}",
  },
  templates: {
    "airline.delay-refund": {
      subject: "Ditt försenade flyg, bokning {subject}: du får tillbaka biljettpriset",
      happened:
        "Ditt flyg i bokning {subject} kom fram minst tre timmar försenat, av ett skäl som vi råder över.",
      sorry: "Vi ber om ursäkt.",
    },
    "airline.child-seated-apart": {
      subject: "Bokning {subject}: ditt barn får sitta med dig",
      happened:
        "I bokning {subject} fick ett barn under 12 år en plats skild från den vuxna som reser med barnet.",
      sorry: "Vi ber om ursäkt för oron det kan ha orsakat.",
      did: "Vår personal vid gaten ser till att ni får sitta bredvid varandra före ombordstigningen, utan kostnad.",
    },
    "eu261.delay-compensation": {
      subject: "Ersättning för förseningen, bokning {subject}",
      happened:
        "Ditt flyg i bokning {subject} kom fram minst tre timmar försenat, av ett skäl som flygbolaget råder över.",
      sorry:
        "Enligt EU-förordning 261/2004 har du därför rätt till ersättning. Vi ber om ursäkt för tiden du förlorade.",
    },
    "eu261.cancellation-compensation": {
      subject: "Ersättning för det inställda flyget, bokning {subject}",
      happened:
        "Ditt flyg i bokning {subject} ställdes in med kort varsel, av ett skäl som flygbolaget råder över.",
      sorry: "Enligt EU-förordning 261/2004 har du därför rätt till ersättning. Vi ber om ursäkt.",
    },
    "us-dot.cancellation-refund": {
      subject: "Ditt inställda flyg, bokning {subject}: din återbetalning",
      happened: "Ditt flyg i bokning {subject} ställdes in.",
      sorry:
        "Enligt det amerikanska transportdepartementets regler har du rätt till återbetalning. Vi ber om ursäkt.",
    },
    "us-dot.significant-delay-refund": {
      subject: "Ditt försenade flyg, bokning {subject}: din återbetalning",
      happened: "Ditt flyg i bokning {subject} blev kraftigt försenat.",
      sorry:
        "Enligt det amerikanska transportdepartementets regler har du rätt till återbetalning. Vi ber om ursäkt.",
    },
    "retail.late-delivery": {
      subject: "Din beställning {subject} är försenad: du får tillbaka frakten",
      happened: "Din beställning {subject} levererades inte inom den tid vi lovade.",
      sorry: "Vi ber om ursäkt.",
    },
    "retail.price-drop": {
      subject: "Beställning {subject}: priset har sänkts, du får mellanskillnaden",
      happened:
        "Vi sänkte priset på något du köpte i beställning {subject}, inom den tid som vårt löfte gäller.",
    },
    "retail.duplicate-charge": {
      subject: "Beställning {subject}: vi har dragit för mycket pengar",
      happened: "Vi drog mer pengar än du hade godkänt för beställning {subject}.",
      sorry: "Vi ber om ursäkt för misstaget.",
    },
    "retail.not-shipped": {
      subject: "Beställning {subject} har inte skickats: du får tillbaka pengarna",
      happened:
        "Vi skickade inte din beställning {subject} så snart efter din betalning som vi lovade.",
      sorry: "Vi ber om ursäkt.",
    },
    "streaming.rental-quality": {
      subject: "Din hyrfilm spelades inte upp som vi lovade",
      happened: "En titel du hyrde spelades upp med sämre kvalitet än vi lovade.",
      sorry: "Vi ber om ursäkt.",
    },
    "streaming.outage-credit": {
      subject: "Vårt avbrott: ett tillgodohavande på ditt konto",
      happened:
        "Vår tjänst låg nere en stund och du kunde inte använda prenumerationen som du betalar för.",
      sorry: "Vi ber om ursäkt.",
    },
    "support.long-wait-apology": {
      subject: "Du fick vänta för länge på oss",
      happened: "När du kontaktade oss fick du vänta längre på svar än vi lovar.",
      sorry: "Vi ber om ursäkt för att du fick vänta.",
    },
    // Ursäkten går ut som en egen notis (support.long-wait-apology): två ursäkter för samma
    // väntan låter som ett formulärbrev.
    "support.long-wait-credit": {
      subject: "Du fick vänta: ett tillgodohavande på ditt konto",
      happened: "När du kontaktade oss fick du vänta längre på svar än vi lovar.",
    },
    "support.repeat-contact": {
      subject: "En erfaren kollega tar över ditt ärende",
      happened: "Du fick höra av dig igen om något som vi inte hade löst.",
      sorry: "Vi ber om ursäkt.",
      did: "En erfaren kollega ansvarar nu för ärendet tills det är löst, kontaktar dig inom en arbetsdag och håller dig uppdaterad. Du behöver inte förklara allt från början igen.",
    },
  },
  generic: {
    subject: "Om vårt löfte: {title}",
    happened: "Något blev inte som vi lovade.",
    sorry: "Vi ber om ursäkt.",
  },
};
