/** Escapes text for element content and quoted attribute values (HTML and SVG alike). */
export { escapeHtml as escapeXml } from "@goodfaith/core";
