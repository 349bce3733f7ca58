package com.adfops.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorTextTest {

    @Test
    void summaryStripsWrappersAndKeepsTheInnerCodeAndFirstSentence() {
        String m = "Operation on target Run child failed: Operation on target Copy x failed: ErrorCode=SqlFailedToConnect,"
                + "'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=Cannot connect to SQL Database. "
                + "Please contact SQL server team.,Source=Microsoft.DataTransfer.ClientLibrary,'";
        assertThat(ErrorText.summary(m, 200)).isEqualTo("SqlFailedToConnect: Cannot connect to SQL Database.");
    }

    @Test
    void summaryOfACodeWithoutAMessagePartDoesNotRepeatTheCode() {
        assertThat(ErrorText.summary("ErrorCode=TypeConversionFailure,Exception occurred when converting value 'x'. More text.", 200))
                .isEqualTo("TypeConversionFailure: Exception occurred when converting value 'x'.");
    }

    @Test
    void secretsAreMasked() {
        String m = "Login failed: Server=tcp:x;Password=Sup3rS3cret!;User ID=etl; url https://a.blob.core.windows.net/c?sv=1&sig=abcDEF123%2B "
                + "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig AccountKey=Zm9vYmFy==";
        String out = ErrorText.full(m, 1000);
        assertThat(out).doesNotContain("Sup3rS3cret!", "abcDEF123", "eyJhbGciOiJIUzI1NiJ9", "Zm9vYmFy")
                .contains("Password=***", "sig=***", "Bearer ***", "AccountKey=***");
    }

    @Test
    void aSummaryAskedAgainIsTheSameAndTheLengthIsPartOfWhatIsKept() {
        String m = "ErrorCode=UserErrorSqlOperationFailed,'Message=A database operation failed with the following error: "
                + "Invalid object name dbo.orders_stage.,Source=Microsoft.DataTransfer.ClientLibrary,'";
        String full = ErrorText.summary(m, 300);
        assertThat(ErrorText.summary(m, 300)).isEqualTo(full);
        assertThat(ErrorText.summary(m, 20)).hasSize(20).endsWith("…").isNotEqualTo(full);
        assertThat(ErrorText.summary(m, 300)).isEqualTo(full);
        assertThat(ErrorText.summary(null, 300)).isEqualTo(ErrorText.summary("", 300));
        // Many different messages (more than are kept) still each get their own summary.
        for (int i = 0; i < 5000; i++) {
            assertThat(ErrorText.summary("ErrorCode=E" + i + ",Failure number " + i + ". Details.", 200))
                    .isEqualTo("E" + i + ": Failure number " + i + ". Details.");
        }
    }

    @Test
    void truncatesSafely() {
        assertThat(ErrorText.truncate("x".repeat(50), 10)).hasSize(10).endsWith("…");
        assertThat(ErrorText.truncate("short", 10)).isEqualTo("short");
    }

    @Test
    void aDataFlowsJsonMessageIsUnwrappedBeforeItsSecretsAreMasked() {
        // The data flow's JSON escapes the & before sig and the quotes around a password: unwrapped, they are plain.
        String m = "{\"StatusCode\":\"DFExecutorUserError\",\"Message\":\"Job failed due to reason: at Source 'src': "
                + "https://acct.blob.core.windows.net/in/f.csv?sv=2022-11-02\\u0026sig=Zq7m4rker%3D\\u0026se=2026 and "
                + "Password=\\\"a b Q9m4rker\\\" refused.\",\"Details\":\"\"}";
        String s = ErrorText.summary(m, 400);
        assertThat(s).startsWith("DFExecutorUserError: at Source 'src'").contains("&sig=***&se=2026", "Password=\"***\"")
                .doesNotContain("Zq7m4rker", "Q9m4rker");
        assertThat(ErrorText.full(m, 2000)).doesNotContain("Zq7m4rker", "Q9m4rker");
    }

    @Test
    void aDataFlowsJsonMessageIsSummarizedByItsCauseNotItsBraces() {
        String m = "Operation on target Transform customers failed: {\"StatusCode\":\"DFExecutorUserError\",\"Message\":"
                + "\"Job failed due to reason: at Sink 'sinkSql': String or binary data would be truncated in table "
                + "'dbo.Customers', column 'Name'. Truncated value: 'Alexander'.\",\"Details\":\"java.sql.BatchUpdateException: "
                + "at com.microsoft.sqlserver.jdbc.SQLServerStatement\"}";
        assertThat(ErrorText.summary(m, 160)).isEqualTo("DFExecutorUserError: at Sink 'sinkSql': String or binary data "
                + "would be truncated in table 'dbo.Customers', column 'Name'.");
        assertThat(ErrorText.unwrapJson("{\"StatusCode\":\"DF-Executor-OutOfMemoryError\",\"Message\":\"Cluster ran out of memory\"}"))
                .isEqualTo("DF-Executor-OutOfMemoryError: Cluster ran out of memory");
        // Not JSON, or JSON without a message: unchanged.
        assertThat(ErrorText.unwrapJson("plain {not json")).isEqualTo("plain {not json");
        assertThat(ErrorText.unwrapJson("{\"a\":1}")).isEqualTo("{\"a\":1}");
        assertThat(ErrorText.unwrapJson("Value {x} is bad")).isEqualTo("Value {x} is bad");
    }

    @Test
    void markdownInNamesIsEscaped() {
        assertThat(ErrorText.escapeMarkdown("pl_**x**_[link](https://evil.example)<at>y</at>"))
                .isEqualTo("pl\\_\\*\\*x\\*\\*\\_\\[link\\]\\(https://evil.example\\)\\<at\\>y\\</at\\>");
    }
}
