package com.adfops.sim;

import java.util.List;

/**
 * The vocabulary of a {@link GeneratedFactory}'s compact runs, shared by its generation ({@link GeneratedHistory}) and
 * its JSON ({@link GeneratedRunJson}): the kinds of runs, the stored statuses, what a pipeline mostly does and the
 * errors it fails with, as ADF reports them.
 */
final class GeneratedShapes {

    static final byte PLAIN = 0;
    static final byte PARENT = 1;
    static final byte CHILD = 2;
    static final byte RERUN = 3;

    static final List<String> STATUSES = List.of("Succeeded", "Failed", "Cancelled");
    static final byte SUCCEEDED = 0;
    static final byte FAILED = 1;
    static final byte CANCELLED = 2;

    /** What a pipeline mostly does, by its main activity. */
    static final int COPY = 0;
    static final int NOTEBOOK = 1;
    static final int WEB = 2;

    /** Errors as ADF reports them: code, failure type, the main activity they belong to, linked service. */
    record ErrorKind(String code, String message, String failureType, int template, String linked) {
    }

    static final List<ErrorKind> ERRORS = List.of(
            new ErrorKind("2200", AdfErrorTexts.SQL_FAILED_TO_CONNECT, "UserError", COPY, "ls_sql_sales_prod"),
            new ErrorKind("2200", AdfErrorTexts.BLOB_NOT_EXISTS, "UserError", COPY, "ls_blob_landing"),
            new ErrorKind("2200", AdfErrorTexts.TYPE_CONVERSION, "UserError", COPY, "ls_sql_dw"),
            new ErrorKind("2200", AdfErrorTexts.ADLS_403, "UserError", COPY, "ls_adls_curated"),
            new ErrorKind("2010", AdfErrorTexts.SHIR_2010.formatted("ir-selfhosted-onprem"), "SystemError", COPY, "ls_sqlserver_onprem"),
            new ErrorKind("3204", AdfErrorTexts.DATABRICKS_3204, "UserError", NOTEBOOK, "ls_databricks_prod"),
            new ErrorKind("2108", AdfErrorTexts.WEB_2108, "UserError", WEB, "ls_rest_partner"));

    private GeneratedShapes() {
    }
}
