import { defineMessages } from "../define-messages.js";

/** The PDF of a protocol (architecture.md §13): the page number in each page's footer. */
export const protocolPdfMessages = defineMessages({
  sv: {
    "protocol.pdf.page": "Sida {page} av {pages}",
  },
  en: {
    "protocol.pdf.page": "Page {page} of {pages}",
  },
});
