package com.adfops.runs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

public class ErrorTextTest {

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

    public static final String SQL_LOGIN_CHAIN = "Operation on target Copy orders failed: ErrorCode=SqlFailedToConnect,'Type="
            + "Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=Cannot connect to SQL Database. Please "
            + "contact SQL server team for further support. Server: 'sql1.database.windows.net', Database: 'db', User: "
            + "'etl'. Check the linked service configuration is correct, and make sure the SQL Database firewall allows the "
            + "integration runtime to access.,Source=Microsoft.DataTransfer.ClientLibrary,''Type=System.Data.SqlClient."
            + "SqlException,Message=Login failed for user 'etl'.,Source=.Net SqlClient Data Provider,SqlErrorNumber=18456,"
            + "Class=14,ErrorCode=-2146232060,State=1,Errors=[{Class=14,Number=18456,State=1,Message=Login failed for user "
            + "'etl'.,},],'";

    @Test
    void aSqlLoginFailureChainGivesTheSqlServersSentence() {
        assertThat(ErrorText.cause(SQL_LOGIN_CHAIN, 300)).isEqualTo("Login failed for user 'etl'.");
        assertThat(ErrorText.summary(SQL_LOGIN_CHAIN, 300)).isEqualTo("SqlFailedToConnect: Login failed for user 'etl'.");
    }

    @Test
    void aSqlInvalidObjectChainSkipsTheGenericWrapperSentence() {
        String m = "ErrorCode=SqlOperationFailed,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,"
                + "Message=A database operation failed. Please search error to get more details.,Source=Microsoft."
                + "DataTransfer.ClientLibrary,''Type=System.Data.SqlClient.SqlException,Message=Invalid object name "
                + "'dbo.orders_stage'.,Source=.Net SqlClient Data Provider,SqlErrorNumber=208,Class=16,ErrorCode=-2146232060,"
                + "State=1,Errors=[{Class=16,Number=208,State=1,Message=Invalid object name 'dbo.orders_stage'.,},],'";
        assertThat(ErrorText.cause(m, 300)).isEqualTo("Invalid object name 'dbo.orders_stage'.");
        // The sentence a wrapper quotes after "with the following error:", quotes and all.
        assertThat(ErrorText.cause("ErrorCode=SqlOperationFailed,'Message=A database operation failed with the following "
                + "error: 'Violation of PRIMARY KEY constraint 'PK_Orders'. Cannot insert duplicate key.',Source=,'", 300))
                .isEqualTo("Violation of PRIMARY KEY constraint 'PK_Orders'.");
    }

    @Test
    void aStorage403ChainGivesTheStorageSentenceNotTheWebExceptionBelowIt() {
        String m = "ErrorCode=AzureBlobOperationFailed,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,"
                + "Message=Blob operation Failed. ContainerName: raw, path: raw/sales.csv.,Source=Microsoft.DataTransfer."
                + "ClientLibrary,''Type=Microsoft.WindowsAzure.Storage.StorageException,Message=This request is not authorized"
                + " to perform this operation using this permission.,Source=Microsoft.WindowsAzure.Storage,"
                + "StorageExtendedMessage=AuthorizationPermissionMismatch,,''Type=System.Net.WebException,Message=The remote "
                + "server returned an error: (403) Forbidden.,Source=Microsoft.WindowsAzure.Storage,'";
        assertThat(ErrorText.summary(m, 300)).isEqualTo(
                "AzureBlobOperationFailed: This request is not authorized to perform this operation using this permission.");
    }

    static final String HTML_502 = "Error calling the endpoint 'https://api.partner.example/v2/export'. Response status "
            + "code: 'ServerError (502)'. Response content: <!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>502 Bad Gateway</title><style type=\"text/css\">body { font-family: 'Segoe UI'; color: #333 }\n"
            + ".box > p { margin: 0 }</style><script>window.dataLayer = []; if (1 < 2) { track('err'); }</script></head>"
            + "<body><div class=\"box\"><h1>The upstream service did not answer</h1><p>Try again in a few minutes &amp; "
            + "contact <b>ops</b> if it persists.</p><!-- trace 8f2c --></div></body></html>";

    @Test
    void anHtmlErrorPageGivesItsStatusTitleAndHeadingWithoutMarkup() {
        assertThat(ErrorText.cause(HTML_502, 300)).isEqualTo("502 Bad Gateway: The upstream service did not answer");
        assertThat(ErrorText.cause("<html><head><title>Service Unavailable</title></head><body></body></html>", 300))
                .isEqualTo("Service Unavailable");
        String full = ErrorText.full(HTML_502, 4000);
        assertThat(full).isEqualTo("Error calling the endpoint 'https://api.partner.example/v2/export'. Response status "
                + "code: 'ServerError (502)'. Response content: 502 Bad Gateway\nThe upstream service did not answer\n"
                + "Try again in a few minutes & contact ops if it persists.");
    }

    @Test
    void aMegabyteOfHostileHtmlIsReadInLinearTime() {
        String page = "<html><title>x</title>" + "<a".repeat(100_000) + "&".repeat(200_000) + "<script>".repeat(50_000)
                + "<!--".repeat(50_000);
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), () -> {
            assertThat(ErrorText.cause(page, 300)).isEqualTo("x");
            assertThat(ErrorText.full(page, 100_000)).doesNotContain("<");
        });
    }

    @Test
    void aJsonErrorBodyGivesItsMessage() {
        String m = "{\"error\":{\"code\":\"InvalidAuthenticationToken\",\"message\":\"The access token has expired. "
                + "Get a new one.\"}}";
        assertThat(ErrorText.cause(m, 300)).isEqualTo("The access token has expired.");
        assertThat(ErrorText.summary(m, 300)).isEqualTo("InvalidAuthenticationToken: The access token has expired.");
        assertThat(ErrorText.cause("{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid "
                + "client secret provided.\"}", 300)).isEqualTo("AADSTS7000215: Invalid client secret provided.");
    }

    @Test
    void aPlainSqlErrorKeepsTheServersSentence() {
        assertThat(ErrorText.cause("Execution fail against sql server. Please contact SQL Server team if you need further "
                + "support. Sql error number: 208. Error Message: Invalid object name 'dbo.Orders'.", 300))
                .isEqualTo("Invalid object name 'dbo.Orders'.");
        assertThat(ErrorText.cause("Invalid object name 'dbo.X'.", 300)).isEqualTo("Invalid object name 'dbo.X'.");
    }

    @Test
    void markdownInNamesIsEscaped() {
        assertThat(ErrorText.escapeMarkdown("pl_**x**_[link](https://evil.example)<at>y</at>"))
                .isEqualTo("pl\\_\\*\\*x\\*\\*\\_\\[link\\]\\(https://evil.example\\)\\<at\\>y\\</at\\>");
    }
}
