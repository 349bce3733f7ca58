package com.adfops.adf;

/**
 * A text being masked: the spans to replace with {@link SecretRedactor#MASK}, in order, copied lazily (most texts have
 * none).
 */
final class MaskedText {

    private final String text;
    private StringBuilder out;
    private int copied;

    MaskedText(String text) {
        this.text = text;
    }

    /** Masks {@code [from, to)} unless it is empty or already masked. */
    void mask(int from, int to) {
        if (to <= from || to - from == SecretRedactor.MASK.length() && text.startsWith(SecretRedactor.MASK, from)) {
            return;
        }
        if (out == null) {
            out = new StringBuilder(text.length());
        }
        out.append(text, copied, from).append(SecretRedactor.MASK);
        copied = to;
    }

    @Override
    public String toString() {
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }
}
