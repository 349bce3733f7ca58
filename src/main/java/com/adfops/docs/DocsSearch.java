package com.adfops.docs;

import java.util.List;

/** Searches documentation. Implementations are thread-safe. */
public interface DocsSearch {

    /** The best results for a query, best first, at most {@code max}; empty when nothing matched. */
    List<DocResult> search(String query, int max);

    /** Who answers, as shown to users ("Microsoft Learn", "built-in docs index"). */
    String sourceName();

    /** Thrown when the source cannot answer now (down, slow, protocol error); the message is safe to log. */
    class UnavailableException extends RuntimeException {
        public UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
