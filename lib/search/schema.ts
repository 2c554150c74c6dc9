// The search box's input and the highlighted pieces results are shown with, shared by the search form, the
// results page and server/search. No Prisma, no Node APIs.
import { z } from 'zod';

/** How much of a query is read; the form stops typing there and the server cuts anything longer. */
export const SEARCH_QUERY_MAX_CHARS = 200;

/** `q` may be anything a URL carries; it is cut to the query limit rather than refused. */
export const searchInputSchema = z.object({ q: z.string().max(100_000).default('') }).strip();

/** A piece of snippet text; `hit` pieces are shown highlighted (as <mark>), always as text, never as HTML. */
export type Segment = { text: string; hit: boolean };
