package com.adfops.diagnosis;

import com.adfops.runs.ErrorText;
import com.adfops.adf.ActivityError;
import com.adfops.docs.DocsService;
import com.adfops.docs.Guidance;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Documentation guidance for a diagnosis's root cause (its codes, activity type and message) or for a question. */
public final class GuidanceFinder {

    private static final Pattern INNER_CODE = Pattern.compile("ErrorCode=([A-Za-z][A-Za-z0-9_]*)");

    private final DocsService docs;

    public GuidanceFinder(DocsService docs) {
        this.docs = docs;
    }

    /** Guidance for why the diagnosed run failed. */
    public Guidance forDiagnosis(Diagnosis d) {
        ActivityError e = d.hasRootCause() ? d.rootCause().activity().error()
                : new ActivityError("", d.run().message(), "", "");
        String type = d.hasRootCause() ? d.rootCause().activity().activityType() : "";
        Matcher inner = INNER_CODE.matcher(e.message());
        String innerCode = inner.find() ? inner.group(1) : "";
        String topic = ErrorClassifier.verdict(e, type).topic();
        return docs.guidanceFor(topic, e.errorCode(), innerCode, type, ErrorText.summary(e.message(), 300));
    }

    /** Documentation answering a how-to question. */
    public Guidance forQuestion(String question) {
        return docs.answer(question);
    }
}
