package com.adfops.adf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Each form a secret reaches the bot in (issue 21, finding 3), masked with its key kept; prose and URLs without a
 * secret left as they are; the redactor linear on hostile input and idempotent.
 */
class SecretRedactorTest {

    static final String S = "Zq7m4rkerX9";

    /** A named case: the text holding {@link #S} and what must be left of it. */
    static Stream<Arguments> secrets() {
        return Stream.of(
                Arguments.of("connection string password", "Server=tcp:x;User ID=u;Password=" + S + ";Encrypt=True",
                        "Server=tcp:x;User ID=u;Password=***;Encrypt=True"),
                Arguments.of("Pwd", "Uid=u;Pwd=" + S + ";", "Uid=u;Pwd=***;"),
                Arguments.of("AccountKey", "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=" + S + "==;EndpointSuffix=core.windows.net",
                        "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=***;EndpointSuffix=core.windows.net"),
                Arguments.of("SharedAccessKey", "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=" + S,
                        "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=***"),
                Arguments.of("SharedAccessSignature", "BlobEndpoint=https://a;SharedAccessSignature=sv=2020&sig=" + S,
                        "BlobEndpoint=https://a;SharedAccessSignature=***&sig=***"),
                Arguments.of("ClientSecret", "ClientSecret=" + S + ", TenantId=t", "ClientSecret=***, TenantId=t"),
                Arguments.of("single-quoted with a semicolon", "Password='ab;" + S + "';Server=x", "Password='***';Server=x"),
                Arguments.of("double-quoted with spaces", "Password=\"a b " + S + "\";Server=x", "Password=\"***\";Server=x"),
                Arguments.of("unquoted with spaces", "Password=a b " + S + ";Server=x", "Password=***;Server=x"),
                Arguments.of("ADF doubled single quotes", "'Message=Login failed, Password=''" + S + "'',Source=x'",
                        "'Message=Login failed, Password=''***'',Source=x'"),
                Arguments.of("space-separated pairs", "user=bob password=" + S + " host=h", "user=bob password=*** host=h"),
                Arguments.of("JSON key", "{\"client_secret\": \"" + S + "\", \"client_id\": \"c\"}",
                        "{\"client_secret\": \"***\", \"client_id\": \"c\"}"),
                Arguments.of("JSON key, escaped quote in the value", "{\"password\":\"a\\\"" + S + "\"}", "{\"password\":\"***\"}"),
                Arguments.of("escaped JSON key", "{\\\"client_secret\\\":\\\"" + S + "\\\"}", "{\\\"client_secret\\\":\\\"***\\\"}"),
                Arguments.of("escaped quotes after =", "Password=\\\"" + S + " x\\\";", "Password=\\\"***\\\";"),
                Arguments.of("connection string in JSON by key", "{\"connectionString\":\"Server=x;Password=" + S + "\"}",
                        "{\"connectionString\":\"***\"}"),
                Arguments.of("Spark configuration key", "spark.conf fs.azure.account.key.acct.dfs.core.windows.net=" + S,
                        "spark.conf fs.azure.account.key.acct.dfs.core.windows.net=***"),
                Arguments.of("XML element", "<config><password>" + S + "</password></config>", "<config><password>***</password></config>"),
                Arguments.of("escaped XML element", "&lt;ClientSecret&gt;" + S + "&lt;/ClientSecret&gt;",
                        "&lt;ClientSecret&gt;***&lt;/ClientSecret&gt;"),
                Arguments.of("XML add key/value", "<add key=\"ClientSecret\" value=\"" + S + "\"/>", "<add key=\"ClientSecret\" value=\"***\"/>"),
                Arguments.of("JSON name/value", "{\"name\": \"sqlPassword\", \"value\": \"" + S + "\"}",
                        "{\"name\": \"sqlPassword\", \"value\": \"***\"}"),
                Arguments.of("SAS URL", "https://a.blob.core.windows.net/c/f.csv?sv=2022-11-02&se=2026-12-01&sp=r&sig=" + S + "%3D",
                        "https://a.blob.core.windows.net/c/f.csv?sv=2022-11-02&se=2026-12-01&sp=r&sig=***"),
                Arguments.of("SAS with \\u0026", "?sv=2022\\u0026sig=" + S + "\\u0026se=2026", "?sv=2022\\u0026sig=***\\u0026se=2026"),
                Arguments.of("SAS percent-encoded", "url%3Fsv%3D2022%26sig%3D" + S + "%252B%26se%3D2026", "url%3Fsv%3D2022%26sig%3D***%26se%3D2026"),
                Arguments.of("SAS bare at the start", "sig=" + S + "&se=2026", "sig=***&se=2026"),
                Arguments.of("SAS bare after a space", "the token sig=" + S + " was refused", "the token sig=*** was refused"),
                Arguments.of("SAS in HTML", "href=\"https://a/b?sv=1&amp;sig=" + S + "&amp;se=2\"", "href=\"https://a/b?sv=1&amp;sig=***&amp;se=2\""),
                Arguments.of("Azure Functions key", "Error calling 'https://fn.azurewebsites.net/api/x?code=" + S + "=='",
                        "Error calling 'https://fn.azurewebsites.net/api/x?code=***'"),
                Arguments.of("bearer token", "Authorization failed for Bearer eyJ0eXAi." + S + ".sig", "Authorization failed for Bearer ***"),
                Arguments.of("Authorization header", "Authorization: Basic " + S + "==", "Authorization: Basic ***"),
                Arguments.of("user info in a URL", "POST https://alerts:" + S + "@bot.example/api/alerts", "POST https://alerts:***@bot.example/api/alerts"),
                Arguments.of("private key block", "key: -----BEGIN RSA PRIVATE KEY-----\nMIIE" + S + "\n-----END RSA PRIVATE KEY----- end",
                        "key: -----BEGIN RSA PRIVATE KEY-----***-----END RSA PRIVATE KEY----- end"),
                Arguments.of("private key block cut short", "-----BEGIN PRIVATE KEY-----\\nMIIE" + S + "…", "-----BEGIN PRIVATE KEY-----***"),
                Arguments.of("token colon", "access_token: " + S + " expired", "access_token: *** expired"),
                Arguments.of("Java map", "{user=bob, password=" + S + ", host=h}", "{user=bob, password=***, host=h}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("secrets")
    void masksTheValueAndKeepsTheKey(String name, String text, String expected) {
        assertThat(SecretRedactor.redact(text)).isEqualTo(expected).doesNotContain(S);
        assertThat(SecretRedactor.redact(expected)).as("idempotent").isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("prose")
    void leavesTextWithoutSecretsAlone(String text) {
        assertThat(SecretRedactor.redact(text)).isEqualTo(text);
    }

    static Stream<String> prose() {
        return Stream.of(
                "The key vault secret reference could not be resolved; check the key vault access policy.",
                "A token bucket limits the requests: too many requests, retry later.",
                "Login failed for user 'etl'. Reason: Password expired for user x.",
                "password expired for user x",
                "The bearer token is missing.",
                "Operation on target Copy failed: ErrorCode=SqlFailedToConnect,'Type=Microsoft.DataTransfer,Message=Cannot "
                        + "connect to SQL Database: 'x.database.windows.net', Database: 'db', User: 'u'.,Source=Microsoft'",
                "https://learn.microsoft.com/en-us/azure/data-factory/connector-troubleshoot-guide?tabs=data-factory#error-code-2200",
                "https://a.blob.core.windows.net/c/f.csv?sv=2022-11-02&se=2026-12-01&sp=r",
                "The secret name is kv-sql and the SharedAccessKeyName=RootManageSharedAccessKey",
                "Primary key violation: Cannot insert duplicate key in object 'dbo.t'.",
                "");
    }

    @Test
    void parametersAreMaskedByNameOrByContent() {
        assertThat(SecretRedactor.redactParameter("sqlPassword", "plain words")).isEqualTo("***");
        assertThat(SecretRedactor.redactParameter("storage_key", "k")).isEqualTo("***");
        assertThat(SecretRedactor.redactParameter("key", "k")).isEqualTo("***");
        assertThat(SecretRedactor.redactParameter("sasUrl", "https://a/b")).isEqualTo("***");
        assertThat(SecretRedactor.redactParameter("ConnectionString", "Server=x")).isEqualTo("***");
        assertThat(SecretRedactor.redactParameter("api-token", "t")).isEqualTo("***");
        assertThat(SecretRedactor.redactParameter("clientSecret", "")).isEmpty();
        assertThat(SecretRedactor.redactParameter("inputUrl", "https://a/b?sv=1&sig=" + S)).isEqualTo("https://a/b?sv=1&sig=***");
        assertThat(SecretRedactor.redactParameter("region", "emea")).isEqualTo("emea");
        assertThat(SecretRedactor.redactParameter("keyVaultName", "kv-prod")).isEqualTo("kv-prod");
        assertThat(SecretRedactor.redactParameter("region", null)).isEmpty();
    }

    @Test
    void aLongHostileInputIsReadInOnePassAndMasked() {
        // Shapes that make backtracking expressions explode: long runs of key characters, separators and quotes.
        String[] shapes = {"password", "a=", "password=", "\\\"", "Password=\"", "sig=", "%26sig%3D", "<password>",
            "-----BEGIN PRIVATE KEY-----", "bearer ", "://a:", "key\"=\"", "''"};
        for (String shape : shapes) {
            String hostile = shape.repeat(100_000 / shape.length()) + " Pwd=" + S + ";";
            String out = SecretRedactor.redact(hostile);
            assertThat(out).as(shape).doesNotContain(S);
        }
        String plain = "x".repeat(100_000);
        assertThat(SecretRedactor.redact(plain)).isSameAs(plain);
    }

    @Test
    void nullIsEmpty() {
        assertThat(SecretRedactor.redact(null)).isEmpty();
    }
}
