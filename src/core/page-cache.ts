import type { RunStore } from '../store/run-store.js';

/** Pages kept at once; a UI polls a handful of URLs, so this is many times what it needs. */
const MAX_PAGES = 256;
/** Larger bodies are rendered each time: a cache of them would hold megabytes for little gain. */
const MAX_PAGE_CHARS = 64 * 1024;

/**
 * List Runs bodies by request URL, valid while the store's revision stands still. UIs poll the same
 * page over and over; rendering it again each time (joining ten runs' JSON, counting and encoding the
 * bytes) was most of what set the mock apart from bare `node:http` writing the same bytes. Any write
 * to the store empties it, so a page is never served stale.
 */
export class PageCache {
  readonly #store: RunStore;
  readonly #pages = new Map<string, string>();
  #revision = -1;

  constructor(store: RunStore) {
    this.#store = store;
  }

  /** The body rendered for this URL at the store's current revision, if any. */
  get(url: string): string | undefined {
    if (this.#revision !== this.#store.revision) {
      this.#pages.clear();
      this.#revision = this.#store.revision;
    }
    return this.#pages.get(url);
  }

  /** Keeps a body rendered for this URL at the store's current revision (the oldest page makes room). */
  set(url: string, body: string): void {
    if (body.length > MAX_PAGE_CHARS || this.#revision !== this.#store.revision) return;
    if (this.#pages.size >= MAX_PAGES) {
      const oldest = this.#pages.keys().next();
      if (oldest.done !== true) this.#pages.delete(oldest.value);
    }
    this.#pages.set(url, body);
  }
}
