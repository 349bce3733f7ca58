package com.adfops.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The same error on another day, with another run id, time and row count, has the same signature; another table not. */
class ErrorSignatureTest {

    static final String MONDAY = "ErrorCode=SqlOperationFailed,'Type=System.Data.SqlClient.SqlException,Message=Invalid "
            + "object name 'dbo.Orders'. Run 6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a6b at 2026-11-24T02:00:13.512Z, "
            + "after 12,345 rows, request 0x7FA3, file 'raw/2026/11/24/orders.csv', session 9fa8c7d6e5b4,";
    static final String TUESDAY = "errorcode=SqlOperationFailed,'Type=System.Data.SqlClient.SqlException,Message=Invalid "
            + "object name 'dbo.Orders'.  Run 0a1b2c3d-4e5f-4a6b-9c8d-7e6f5a4b3c2d at 2026-11-25 02:00:09Z,\n"
            + "after 98 rows, request 0x01B2, file 'raw/2026/11/25/orders.csv', session 1234abcd5678ef,";

    @Test
    void messagesDifferingOnlyInIdsTimesAndNumbersHaveOneSignature() {
        assertThat(ErrorSignature.of("pl_orders › Copy orders", "2200", MONDAY))
                .isEqualTo(ErrorSignature.of("PL_Orders ›  Copy orders ", "2200", TUESDAY));
        assertThat(ErrorSignature.normalise(MONDAY)).isEqualTo("errorcode=sqloperationfailed,'type=system.data.sqlclient."
                + "sqlexception,message=invalid object name 'dbo.orders'. run <id> at <time>, after <n> rows, request "
                + "<hex>, file 'raw/<n>/<n>/<n>/orders.csv', session <hex>,");
        assertThat(ErrorSignature.normalise("Failed at 11/24/2026 2:00:13 AM; the value 'abc' of column 'qty' is not an "
                + "int; see https://x.blob.core.windows.net/c/f.csv?sv=2024&sig=AbC"))
                .isEqualTo(ErrorSignature.normalise("Failed at 11/25/2026 3:01:00 PM; the value 'xyz-9' of column 'qty' "
                        + "is not an int; see https://x.blob.core.windows.net/c/f.csv?sv=2025&sig=ZzZ"))
                .isEqualTo("failed at <date> <time>; the value '<value>' of column 'qty' is not an int; see "
                        + "https://x.blob.core.windows.net/c/f.csv?<query>");
    }

    @Test
    void anotherTableAnotherCodeOrAnotherActivityIsAnotherError() {
        ErrorSignature orders = ErrorSignature.of("pl_orders › Copy orders", "2200", MONDAY);
        assertThat(ErrorSignature.of("pl_orders › Copy orders", "2200", MONDAY.replace("dbo.Orders", "dbo.Customers")))
                .isNotEqualTo(orders);
        assertThat(ErrorSignature.of("pl_orders › Copy orders", "2011", MONDAY)).isNotEqualTo(orders);
        assertThat(ErrorSignature.of("pl_orders › Copy returns", "2200", MONDAY)).isNotEqualTo(orders);
    }

    @Test
    void nullPartsAreEmpty() {
        assertThat(ErrorSignature.of(null, null, null)).isEqualTo(new ErrorSignature("", "", ""));
        assertThat(ErrorSignature.normalise("x".repeat(1000))).hasSize(ErrorSignature.MAX_MESSAGE);
    }
}
