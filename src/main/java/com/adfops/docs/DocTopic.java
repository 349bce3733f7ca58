package com.adfops.docs;

import java.util.Map;

/**
 * The documentation topics an error's guidance can come from. The error table ({@code agent.ErrorClassifier}) names
 * one per error; the built-in index tags its pages with them ({@code topics} in {@code builtin-index.json}), and the
 * live search adds the topic's words to its query.
 */
public final class DocTopic {

    public static final String SQL = "sql-connector";
    public static final String BLOB = "blob-connector";
    public static final String ADLS = "adls-connector";
    public static final String DELIMITED = "delimited-text";
    public static final String PARQUET = "parquet";
    public static final String REST = "rest-connector";
    public static final String TYPE_MAPPING = "type-mapping";
    public static final String FAULT_TOLERANCE = "fault-tolerance";
    public static final String CONNECTORS = "connectors";
    public static final String DATA_FLOWS = "data-flows";
    public static final String DATABRICKS = "databricks";
    public static final String WEB = "web-activity";
    public static final String FUNCTIONS = "azure-functions";
    public static final String SHIR = "self-hosted-ir";
    public static final String STORED_PROCEDURE = "stored-procedure";
    public static final String SCRIPT = "script-activity";
    public static final String PERMISSIONS = "permissions";
    public static final String EXECUTE_PIPELINE = "execute-pipeline";

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry(SQL, "Azure SQL Database connector troubleshoot"),
            Map.entry(BLOB, "Azure Blob Storage connector troubleshoot"),
            Map.entry(ADLS, "Azure Data Lake Storage Gen2 connector troubleshoot"),
            Map.entry(DELIMITED, "delimited text format connector troubleshoot"),
            Map.entry(PARQUET, "Parquet format connector troubleshoot"),
            Map.entry(REST, "REST connector troubleshoot"),
            Map.entry(TYPE_MAPPING, "copy activity schema and data type mapping"),
            Map.entry(FAULT_TOLERANCE, "copy activity fault tolerance skip incompatible rows"),
            Map.entry(CONNECTORS, "troubleshoot connectors copy activity"),
            Map.entry(DATA_FLOWS, "mapping data flows troubleshoot error codes"),
            Map.entry(DATABRICKS, "Azure Databricks activity troubleshoot"),
            Map.entry(WEB, "Web activity troubleshoot"),
            Map.entry(FUNCTIONS, "Azure Function activity troubleshoot"),
            Map.entry(SHIR, "self-hosted integration runtime troubleshoot"),
            Map.entry(STORED_PROCEDURE, "Stored Procedure activity SQL"),
            Map.entry(SCRIPT, "Script activity SQL"),
            Map.entry(PERMISSIONS, "roles and permissions"),
            Map.entry(EXECUTE_PIPELINE, "Execute Pipeline activity"));

    private DocTopic() {
    }

    /** Search words for a topic, or "" for none. */
    public static String words(String topic) {
        return topic == null ? "" : WORDS.getOrDefault(topic, "");
    }
}
