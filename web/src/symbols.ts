// A symbol for each resource kind (ResourceKind), drawn on the marker and beside the kind's word in the legend: a
// picture reads the same in Latvian and English, where letter codes (DC, CL, FG) read as nothing. 16×16, white on the
// role's colour. Drawn here as plain SVG paths: no icon font or emoji font is needed on the worker's machine.
const paths: Record<string, string> = {
  ASSOCIATION: '<circle cx="5" cy="5" r="2.2"/><circle cx="11" cy="5" r="2.2"/><path d="M1 13c0-3 2-4.5 4-4.5s4 1.5 4 4.5zM7 13c0-3 2-4.5 4-4.5s4 1.5 4 4.5z"/>',
  SCHOOL: '<path d="M8 2 0 6l8 4 6-3v4h1.5V6z"/><path d="M3.5 9v3c1 1.2 2.8 2 4.5 2s3.5-.8 4.5-2V9L8 11.3z"/>',
  KINDERGARTEN: '<rect x="2" y="8.5" width="5.5" height="5.5"/><rect x="8.5" y="8.5" width="5.5" height="5.5"/><rect x="5.2" y="2" width="5.5" height="5.5"/>',
  DAY_CENTRE: '<circle cx="8" cy="8" r="3.2"/><path d="M8 .8v2.4M8 12.8v2.4M.8 8h2.4M12.8 8h2.4M2.9 2.9l1.7 1.7M11.4 11.4l1.7 1.7M2.9 13.1l1.7-1.7M11.4 4.6l1.7-1.7" stroke="currentColor" stroke-width="1.5"/>',
  SOCIAL_SERVICE: '<path d="M6 2h4v4h4v4h-4v4H6v-4H2V6h4z"/>',
  MUNICIPALITY: '<path d="M8 1 1 5h14zM2 6h12v1.3H2zM3 8h2v4.5H3zM7 8h2v4.5H7zM11 8h2v4.5h-2zM1.5 13.5h13V15h-13z"/>',
  CULTURE_HOUSE: '<path d="M6 2.5 14 1v9.5a2.3 2.3 0 1 1-1.5-2.1V4.2L7.5 5.2v7.3A2.3 2.3 0 1 1 6 10.4z"/>',
  SPORTS_CENTRE: '<circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" stroke-width="1.6"/><path d="M2 8h12M8 1.8c-2.5 3.5-2.5 8.9 0 12.4M8 1.8c2.5 3.5 2.5 8.9 0 12.4" fill="none" stroke="currentColor" stroke-width="1.3"/>',
  ART_SPACE: '<path fill-rule="evenodd" d="M8 1.5C4 1.5 1.5 4.3 1.5 7.6c0 3.4 2.7 6.9 6 6.9 1.4 0 1.8-.8 1.4-1.8-.4-1 .1-1.9 1.3-1.9h1.8c1.6 0 2.5-1.2 2.5-2.9 0-3.6-3-6.4-6.5-6.4zM4.3 7.5a1.2 1.2 0 1 0 2.4 0 1.2 1.2 0 1 0-2.4 0zM7 4.5a1.2 1.2 0 1 0 2.4 0 1.2 1.2 0 1 0-2.4 0zM10.3 6a1.2 1.2 0 1 0 2.4 0 1.2 1.2 0 1 0-2.4 0z"/>',
  LIBRARY: '<path d="M1 3c2.5-.8 5-.5 6.3 1v9.5C6 12.2 3.5 12 1 12.8zM15 3c-2.5-.8-5-.5-6.3 1v9.5c1.3-1.3 3.8-1.5 6.3-.7z"/>',
  FAITH_GROUP: '<path d="M7.2.5h1.6v2h1.7V4H8.8v2L13 9v6H9.5v-3.5h-3V15H3V9l4.2-3V4H5.5V2.5h1.7z"/>',
  BUSINESS: '<path fill-rule="evenodd" d="M5.5 3.5V2.2c0-.5.4-.9.9-.9h3.2c.5 0 .9.4.9.9v1.3H14c.6 0 1 .4 1 1V13c0 .6-.4 1-1 1H2c-.6 0-1-.4-1-1V4.5c0-.6.4-1 1-1zM6.8 3.5h2.4V2.6H6.8z"/>',
  INFORMAL_GROUP: '<path d="M2 2h12c.6 0 1 .4 1 1v7c0 .6-.4 1-1 1H7l-3.5 3v-3H2c-.6 0-1-.4-1-1V3c0-.6.4-1 1-1z"/>',
  VOLUNTEER: '<path d="M8 14.5S1 10.2 1 5.6C1 3.3 2.8 1.8 4.7 1.8c1.4 0 2.6.8 3.3 2 .7-1.2 1.9-2 3.3-2 1.9 0 3.7 1.5 3.7 3.8 0 4.6-7 8.9-7 8.9z"/>',
  COMMUNITY_LEADER: '<path d="M8 1l2.1 4.5 4.9.6-3.6 3.4.9 4.9L8 12l-4.3 2.4.9-4.9L1 6.1l4.9-.6z"/>',
  OTHER: '<circle cx="8" cy="8" r="3.5"/>',
};

/** The kind's symbol as SVG markup (for a Leaflet divIcon or the legend); decorative, the name says the rest. */
export function kindSymbol(kind: string): string {
  return `<svg viewBox="0 0 16 16" width="14" height="14" fill="currentColor" aria-hidden="true" focusable="false">${paths[kind] ?? paths.OTHER}</svg>`;
}
