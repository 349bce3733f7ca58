package com.adfops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Holds back the log of the named loggers while a test provokes a failure on purpose, so that a passing build prints
 * no expected ERROR stack trace and a real one stands out; the test asserts what was logged instead.
 *
 * <p>Attach it after any Spring application of the test has started: starting one resets logging and drops it.
 */
public final class LogCapture implements AutoCloseable {

    private final List<Logger> loggers = new ArrayList<>();
    private final List<Boolean> additive = new ArrayList<>();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture(String... names) {
        appender.setName("test-capture");
        appender.start();
        for (String name : names) {
            Logger l = (Logger) LoggerFactory.getLogger(name);
            loggers.add(l);
            additive.add(l.isAdditive());
            l.addAppender(appender);
            l.setAdditive(false);
        }
    }

    /** Captures these loggers (a class's name or a package) instead of printing them, until closed. */
    public static LogCapture of(String... loggerNames) {
        return new LogCapture(loggerNames);
    }

    /** Captures the loggers of these classes. */
    public static LogCapture of(Class<?>... classes) {
        String[] names = new String[classes.length];
        for (int i = 0; i < classes.length; i++) {
            names[i] = classes[i].getName();
        }
        return new LogCapture(names);
    }

    /** The formatted messages logged at ERROR so far. */
    public List<String> errors() {
        return atLevel(Level.ERROR);
    }

    /** The formatted messages logged at exactly {@code level} so far. */
    public List<String> atLevel(Level level) {
        List<String> out = new ArrayList<>();
        synchronized (appender) { // AppenderBase.doAppend holds the appender's lock
            for (ILoggingEvent e : appender.list) {
                if (e.getLevel() == level) {
                    out.add(e.getFormattedMessage());
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        for (int i = 0; i < loggers.size(); i++) {
            loggers.get(i).detachAppender(appender);
            loggers.get(i).setAdditive(additive.get(i));
        }
        appender.stop();
    }
}
