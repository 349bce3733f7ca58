package com.adfops.docs;

/** One documentation hit: a page title, its learn.microsoft.com link and a short excerpt. */
public record DocResult(String title, String url, String excerpt) {

    public DocResult {
        title = title == null ? "" : title.strip();
        url = url == null ? "" : url.strip();
        excerpt = excerpt == null ? "" : excerpt.strip();
    }
}
