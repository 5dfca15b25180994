import { defineMessages } from "../define-messages.js";

/** The web archive in chat (architecture.md §13): `webb på|av`, `byt namn`, `protokoll pdf`, links. */
export const webCommandMessages = defineMessages({
  sv: {
    "usage.web":
      "`webb på|av` – visa rådets publicerade anteckningar i webbarkivet, med flöde och kalender",
    "usage.rename":
      "`byt namn NAMN` – ge rådet ett nytt namn (webbarkivets gamla adresser leder vidare)",
    "usage.minutes-pdf": "`protokoll pdf [DATUM]` – det justerade protokollet som PDF",
    "web.on": "Rådets publicerade anteckningar visas nu i webbarkivet under /arkiv/{slug}/.",
    "web.on-link": "Rådets publicerade anteckningar visas nu i webbarkivet: {url}",
    "web.off": "Rådets anteckningar visas inte längre i webbarkivet.",
    "web.link-post": "På webben: {url}",
    "web.link-protocol": "Protokollet som PDF: {url}",
    "web.link-archive": "Webbarkivet: {url} · Kalender att prenumerera på: {calendar}",
    "settings.web-on": "Webbarkiv: på (/arkiv/{slug}/)",
    "settings.web-off": "Webbarkiv: av",
    "council.renamed": "Rådet heter nu {council}.",
    "pdf.written": "Protokollet som PDF: {file}",
    "pdf.sent": "Protokollet som PDF har skickats till dig privat.",
    "pdf.link": "Protokollet som PDF finns i webbarkivet: {url}",
    "pdf.no-link":
      "PDF:en kan inte skickas här. Slå på webbarkivet (`webb på`) och sätt NOTERAT_PUBLIC_URL, så länkas den.",
    "publish.files-failed": "Webbfilerna kunde inte skrivas: {reason}",
    "error.not-justerat-pdf":
      "Protokollet från mötet {date} är inte justerat än: PDF:en görs av det justerade protokollet.",
    "error.meeting-has-minutes":
      "Mötet {date} har justerade anteckningar, som bär dess datum: det kan inte flyttas.",
  },
  en: {
    "usage.web":
      "`web on|off` – show the council's published notes in the web archive, with a feed and a calendar",
    "usage.rename":
      "`rename NAME` – give the council a new name (the web archive's old addresses lead on)",
    "usage.minutes-pdf": "`minutes pdf [DATE]` – the approved minutes as a PDF",
    "web.on":
      "The council's published notes are now shown in the web archive under /arkiv/{slug}/.",
    "web.on-link": "The council's published notes are now shown in the web archive: {url}",
    "web.off": "The council's notes are no longer shown in the web archive.",
    "web.link-post": "On the web: {url}",
    "web.link-protocol": "The minutes as PDF: {url}",
    "web.link-archive": "Web archive: {url} · Calendar to subscribe to: {calendar}",
    "settings.web-on": "Web archive: on (/arkiv/{slug}/)",
    "settings.web-off": "Web archive: off",
    "council.renamed": "The council is now called {council}.",
    "pdf.written": "The minutes as PDF: {file}",
    "pdf.sent": "The minutes as PDF have been sent to you privately.",
    "pdf.link": "The minutes as PDF are in the web archive: {url}",
    "pdf.no-link":
      "The PDF cannot be sent here. Turn on the web archive (`web on`) and set NOTERAT_PUBLIC_URL, and it is linked.",
    "publish.files-failed": "The web files could not be written: {reason}",
    "error.not-justerat-pdf":
      "The minutes of the meeting on {date} are not approved yet: the PDF is made of the approved minutes.",
    "error.meeting-has-minutes":
      "The meeting on {date} has approved minutes, which carry its date: it cannot be moved.",
  },
});
