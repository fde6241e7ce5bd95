/** Notice texts in English. */
import type { NoticeCatalog } from "./catalog.js";

/** English notices. */
export const en: NoticeCatalog = {
  phrases: {
    greeting: "Hello,",
    greetingNamed: "Dear {name},",
    cause: "The cause: {cause}.",
    causeQuoted: "The cause, as it was reported (we do not have it in English): “{cause}”.",
    causes: {
      weather: "bad weather",
      air_traffic_control: "air traffic control restrictions",
      technical: "a technical fault",
      late_aircraft: "the aircraft arriving late from its previous flight",
      crew: "a shortage of crew",
      strike: "a strike",
      security: "a security incident",
    },
    passengerNamed: "This notice is about {name}, a passenger on this booking.",
    passengerNumbered: "This notice is about passenger {number} of {of} on this booking.",
    subjectPassenger: "{subject} ({passenger})",
    passengerShort: "passenger {number} of {of}",
    space: " ",
    did: {
      refund: "We are refunding {parts}.",
      compensation: "We are paying you {parts} in compensation.",
      credit: "We are giving you {parts}.",
      points: "We are adding {parts} to your account.",
    },
    dueBy: "It will be done by {due}.",
    tender: {
      card: "{amount} to your card",
      points: "{amount}",
      cash: "{amount}",
      voucher: "{amount} as a voucher",
      wallet: "{amount} to your wallet",
      credit: "{amount} as credit on your account",
      original: "{amount}, the way you paid",
      other: "{amount}",
    },
    nothingToDo: "You need to do nothing.",
    promise: "Our promise: “{title}”",
    signoff: "Kind regards,\n{company}",
  },
  templates: {
    "airline.delay-refund": {
      subject: "Your delayed flight, booking {subject}: your fare back",
      happened:
        "Your flight on booking {subject} arrived three hours or more late, for a reason within our control.",
      sorry: "We are sorry.",
    },
    "airline.child-seated-apart": {
      subject: "Booking {subject}: your child will sit with you",
      happened:
        "On booking {subject}, a child under 12 was given a seat away from the adult travelling with them.",
      sorry: "We are sorry for the worry this may have caused.",
      did: "Our gate team will seat you together before boarding, free of charge.",
    },
    "eu261.delay-compensation": {
      subject: "Compensation for the delay, booking {subject}",
      happened:
        "Your flight on booking {subject} reached its destination three hours or more late, for a reason within the airline's control.",
      sorry:
        "EU Regulation 261/2004 gives you compensation for that. We are sorry for the time you lost.",
    },
    "eu261.cancellation-compensation": {
      subject: "Compensation for the cancelled flight, booking {subject}",
      happened:
        "Your flight on booking {subject} was cancelled at short notice, for a reason within the airline's control.",
      sorry: "EU Regulation 261/2004 gives you compensation for that. We are sorry.",
    },
    "us-dot.cancellation-refund": {
      subject: "Your cancelled flight, booking {subject}: your refund",
      happened: "Your flight on booking {subject} was cancelled.",
      sorry:
        "Under the US Department of Transportation's rules you are owed a refund. We are sorry.",
    },
    "us-dot.significant-delay-refund": {
      subject: "Your delayed flight, booking {subject}: your refund",
      happened: "Your flight on booking {subject} was significantly delayed.",
      sorry:
        "Under the US Department of Transportation's rules you are owed a refund. We are sorry.",
    },
    "retail.late-delivery": {
      subject: "Your order {subject} is late: your shipping back",
      happened: "Your order {subject} was not delivered by the time we promised.",
      sorry: "We are sorry.",
    },
    "retail.price-drop": {
      subject: "Order {subject}: the price went down, the difference is yours",
      happened:
        "We lowered the price of something you bought in order {subject}, within the time our promise covers.",
    },
    "retail.duplicate-charge": {
      subject: "Order {subject}: we charged you too much",
      happened: "We charged you more than you agreed to pay for order {subject}.",
      sorry: "We are sorry for the mistake.",
    },
    "retail.not-shipped": {
      subject: "Order {subject} was not shipped: your money back",
      happened: "We did not ship your order {subject} as soon after your payment as we promised.",
      sorry: "We are sorry.",
    },
    "streaming.rental-quality": {
      subject: "Your rental did not stream as promised",
      happened: "A title you rented streamed below the quality we promised.",
      sorry: "We are sorry.",
    },
    "streaming.outage-credit": {
      subject: "Our outage: credit on your account",
      happened:
        "Our service was down for a while, and you could not use the subscription you pay for.",
      sorry: "We are sorry.",
    },
    "support.long-wait-apology": {
      subject: "We kept you waiting too long",
      happened: "When you contacted us, we took longer to answer than we promise to.",
      sorry: "We are sorry we kept you waiting.",
    },
    // The apology goes out as its own notice (support.long-wait-apology): saying sorry twice
    // for one wait would sound like a form letter.
    "support.long-wait-credit": {
      subject: "Credit on your account for your wait",
      happened: "When you contacted us, we took longer to answer than we promise to.",
    },
    "support.repeat-contact": {
      subject: "A senior colleague is taking on your question",
      happened: "You had to contact us again about something we had not solved.",
      sorry: "We are sorry.",
      did: "A senior colleague now owns it until it is fixed, will contact you within one working day, and will keep you updated. You will not have to explain it all again.",
    },
  },
  generic: {
    subject: "About our promise: {title}",
    happened: "Something did not go as we promised.",
    sorry: "We are sorry.",
  },
};
