package com.adfops.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import org.junit.jupiter.api.Test;

/**
 * The log edge: the application's logback-spring.xml writes messages through {@link SafeMessageConverter} in Spring
 * Boot's console format: secrets masked, a newline in outside text (a conversation id) cannot forge a line, stack
 * traces as they were.
 */
class SafeMessageConverterTest {

    /** The console layout of a Logback context configured from the application's logback-spring.xml. */
    static Layout<ILoggingEvent> consoleLayout(LoggerContext ctx) throws Exception {
        JoranConfigurator c = new JoranConfigurator();
        c.setContext(ctx);
        c.doConfigure(SafeMessageConverterTest.class.getResource("/logback-spring.xml"));
        OutputStreamAppender<ILoggingEvent> console = (OutputStreamAppender<ILoggingEvent>)
                ctx.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE");
        assertThat(ctx.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("FILE")).as("no file unless asked for").isNull();
        assertThat(new ch.qos.logback.core.status.StatusUtil(ctx).getHighestLevel(0)).as("configured without errors or warnings")
                .isLessThan(ch.qos.logback.core.status.Status.WARN);
        return ((LayoutWrappingEncoder<ILoggingEvent>) console.getEncoder()).getLayout();
    }

    static String line(Layout<ILoggingEvent> layout, LoggerContext ctx, String format, Object arg, Throwable t) {
        LoggingEvent e = new LoggingEvent("test", ctx.getLogger("com.adfops.teams.TurnProcessor"), Level.WARN, format, t,
                new Object[] {arg});
        return layout.doLayout(e);
    }

    @Test
    void aLogLineHasNoSecretAndCannotBeForged() throws Exception {
        LoggerContext ctx = new LoggerContext();
        Layout<ILoggingEvent> layout = consoleLayout(ctx);
        String forged = line(layout, ctx, "turn failed in conversation {}",
                "a:1\r\n2026-12-05T10:00:00.000Z  INFO 1 --- [main] c.a.t.AdfOpsBot : admin logged in\u0085x\u2028y\u0007", null);
        assertThat(forged.strip()).doesNotContain("\n", "\r", "\u0085", "\u2028", "\u0007")
                .contains("a:1\\r\\n2026-12-05T10:00:00.000Z", "\\u0085x\\u2028y\\u0007")
                .contains(" WARN ", "com.adfops.teams.TurnProcessor", " : turn failed in conversation ");
        assertThat(forged).endsWith(System.lineSeparator()).hasLineCount(1);

        String secret = line(layout, ctx, "ADF said: {}", "Login failed; Password=Zq7m4rker;Server=x", null);
        assertThat(secret).contains("Password=***;Server=x").doesNotContain("Zq7m4rker");

        String withTrace = line(layout, ctx, "boom {}", "x", new IllegalStateException("inner"));
        assertThat(withTrace).contains("boom x", "java.lang.IllegalStateException: inner", "\tat ");

        // An exception's message is what a dependency echoed: masked in the trace too, the trace's lines kept.
        String leaky = line(layout, ctx, "storage {}", "down", new IllegalStateException("cannot open "
                + "DefaultEndpointsProtocol=https;AccountName=a;AccountKey=Zq7m4rkerKey==;EndpointSuffix=x",
                new RuntimeException("GET https://a.blob.core.windows.net/c?sv=1&sig=Zq7m4rkerSig%3D")));
        assertThat(leaky).doesNotContain("Zq7m4rker").contains("AccountKey=***", "sig=***", "Caused by: ", "\n\tat ");
        ctx.stop();
    }

    @Test
    void aFileIsWrittenOnlyWhenSpringBootNamesOne(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        LoggerContext ctx = new LoggerContext();
        ctx.putProperty("LOG_FILE", dir.resolve("bot.log").toString());
        JoranConfigurator c = new JoranConfigurator();
        c.setContext(ctx);
        c.doConfigure(SafeMessageConverterTest.class.getResource("/logback-spring.xml"));
        Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(new ch.qos.logback.core.status.StatusUtil(ctx).getHighestLevel(0)).as("configured without errors or warnings")
                .isLessThan(ch.qos.logback.core.status.Status.WARN);
        assertThat(root.getAppender("CONSOLE")).isNotNull();
        assertThat(root.getAppender("FILE")).isNotNull();
        ctx.stop();
    }

    @Test
    void plainMessagesAreUnchanged() {
        String m = "Refreshed df-prod: 120 runs\tin 3 s";
        assertThat(SafeMessageConverter.safe(m)).isSameAs(m);
    }
}
