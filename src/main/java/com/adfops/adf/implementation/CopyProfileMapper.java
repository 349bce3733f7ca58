package com.adfops.adf.implementation;

import com.adfops.adf.CopyProfile;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@link CopyProfile} from an activity run's output (a Copy's {@code executionDetails},
 * {@code perfRecommendation}, ...; a data flow's {@code runStatus.computeAcquisitionDuration}). ADF says the execution
 * details may change shape: every field is optional, numbers may come as strings, and what is not understood is null.
 */
final class CopyProfileMapper {

    private CopyProfileMapper() {
    }

    /** The profile of an output, or null when it says nothing about where a copy's or data flow's time went. */
    static CopyProfile profile(Object output) {
        if (!(output instanceof Map<?, ?> out)) {
            return null;
        }
        Details d = new Details();
        if (out.get("executionDetails") instanceof List<?> details) {
            for (Object o : details) {
                if (o instanceof Map<?, ?> e) {
                    d.add(e);
                }
            }
        }
        Double queue = d.queue != null ? d.queue : number(at(out, "durationInQueue", "integrationRuntimeQueue"));
        Integer diu = integer(out.get("usedDataIntegrationUnits"), d.diu);
        Integer parallel = integer(out.get("usedParallelCopies"), d.parallel);
        Double startup = number(at(out, "runStatus", "computeAcquisitionDuration"));
        List<CopyProfile.Tip> tips = tips(out.get("perfRecommendation"));
        Long rows = whole(out.get("rowsCopied"));
        Long read = whole(out.get("dataRead"));
        Long written = whole(out.get("dataWritten"));
        Double throughput = number(out.get("throughput"));
        boolean any = d.seen || queue != null || diu != null || parallel != null || startup != null || !tips.isEmpty()
                || rows != null || read != null || written != null || throughput != null;
        if (!any) {
            return null;
        }
        return new CopyProfile(seconds(queue), seconds(d.firstByte), seconds(d.transfer), seconds(d.reading),
                seconds(d.writing), diu, parallel, d.throttling, d.source, d.sink, rows, read, written, throughput,
                startup == null ? null : Duration.ofMillis(Math.round(startup)), tips);
    }

    /** The execution details summed (a staged copy has two: source to staging, staging to sink). */
    private static final class Details {
        boolean seen;
        Double queue;
        Double firstByte;
        Double transfer;
        Double reading;
        Double writing;
        Integer diu;
        Integer parallel;
        Integer throttling;
        String source;
        String sink;

        void add(Map<?, ?> e) {
            seen = true;
            Object detailed = e.get("detailedDurations");
            queue = plus(queue, first(at(e, "profile", "queue", "duration"), at(detailed, "queuingDuration")));
            firstByte = plus(firstByte, number(at(detailed, "timeToFirstByte")));
            transfer = plus(transfer, first(at(e, "profile", "transfer", "duration"), at(detailed, "transferDuration")));
            Object parts = at(e, "profile", "transfer", "details");
            reading = plus(reading, number(at(parts, "readingFromSource", "workingDuration")));
            writing = plus(writing, number(at(parts, "writingToSink", "workingDuration")));
            Double errors = number(at(e, "sink", "throttlingErrors"));
            if (errors != null) {
                throttling = (throttling == null ? 0 : throttling) + (int) Math.round(errors);
            }
            diu = max(diu, integer(e.get("usedDataIntegrationUnits"), null));
            parallel = max(parallel, integer(e.get("usedParallelCopies"), null));
            source = source != null ? source : text(at(e, "source", "type"));
            String s = text(at(e, "sink", "type"));
            sink = s != null ? s : sink;
        }
    }

    /** ADF's tips, the first few, each URL kept only when it is an https link. */
    private static List<CopyProfile.Tip> tips(Object recommendations) {
        List<CopyProfile.Tip> out = new ArrayList<>();
        if (recommendations instanceof List<?> list) {
            for (Object o : list) {
                if (out.size() >= CopyProfile.MAX_TIPS) {
                    break;
                }
                if (o instanceof Map<?, ?> r) {
                    String tip = text(field(r, "Tip"));
                    if (tip != null) {
                        out.add(new CopyProfile.Tip(text(field(r, "RuleName")), tip.strip(), https(text(field(r, "ReferUrl")))));
                    }
                }
            }
        }
        return out;
    }

    /** The URL when it is an absolute https link with a host (ADF's end in a space at times), else "". */
    static String https(String url) {
        if (url == null) {
            return "";
        }
        String u = url.strip();
        try {
            URI uri = new URI(u);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && uri.getUserInfo() == null ? u : "";
        } catch (java.net.URISyntaxException e) {
            return "";
        }
    }

    /** A field by name, in any case ("Tip", "tip"). */
    private static Object field(Map<?, ?> m, String name) {
        Object v = m.get(name);
        if (v != null) {
            return v;
        }
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (String.valueOf(e.getKey()).equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The value at a path of object fields, or null. */
    private static Object at(Object o, String... path) {
        Object cur = o;
        for (String p : path) {
            if (!(cur instanceof Map<?, ?> m)) {
                return null;
            }
            cur = m.get(p);
        }
        return cur;
    }

    private static Double first(Object a, Object b) {
        Double x = number(a);
        return x != null ? x : number(b);
    }

    /** A number, or a string holding one; else null. */
    static Double number(Object o) {
        if (o instanceof Number n) {
            return Double.isFinite(n.doubleValue()) ? n.doubleValue() : null;
        }
        if (o instanceof String s && !s.isBlank()) {
            try {
                double d = Double.parseDouble(s.strip());
                return Double.isFinite(d) ? d : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Long whole(Object o) {
        Double d = number(o);
        return d == null ? null : Math.round(d);
    }

    private static Integer integer(Object o, Integer otherwise) {
        Double d = number(o);
        return d == null ? otherwise : Integer.valueOf((int) Math.round(d));
    }

    private static Double plus(Double a, Double b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a + b;
    }

    private static Integer max(Integer a, Integer b) {
        return a == null ? b : b == null ? a : Integer.valueOf(Math.max(a, b));
    }

    private static String text(Object o) {
        return o instanceof String s && !s.isBlank() ? s.strip() : o instanceof Number n ? String.valueOf(n) : null;
    }

    /** Seconds (ADF's unit in a copy's output) as a duration, to the millisecond. */
    private static Duration seconds(Double s) {
        return s == null || s < 0 ? null : Duration.ofMillis(Math.round(s * 1000));
    }
}
