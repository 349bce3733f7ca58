package com.adfops.sim;

/**
 * Error messages as ADF reports them (Copy 2200 and 2010, Databricks 3204, Web 2108), shared by the built-in dataset
 * and generated factories. {@code BLOB_NOT_EXISTS} takes the day of the missing folder, {@code SHIR_2010} the self-hosted runtime's name.
 */
final class AdfErrorTexts {

    static final String SQL_FAILED_TO_CONNECT = "ErrorCode=SqlFailedToConnect,'Type=Microsoft.DataTransfer.Common.Shared."
            + "HybridDeliveryException,Message=Cannot connect to SQL Database. Please contact SQL server team for further "
            + "support. Server: 'sql-sales-prod.database.windows.net', Database: 'salesdb', User: 'adf_reader'. Check the "
            + "linked service configuration is correct, and make sure the SQL Database firewall allows the integration "
            + "runtime to access.,Source=Microsoft.DataTransfer.ClientLibrary,''Type=System.Data.SqlClient.SqlException,"
            + "Message=A network-related or instance-specific error occurred while establishing a connection to SQL Server. "
            + "The server was not found or was not accessible. Verify that the instance name is correct and that SQL Server "
            + "is configured to allow remote connections.,Source=.Net SqlClient Data Provider,SqlErrorNumber=53,Class=20,"
            + "ErrorCode=-2146232060,State=0,'";
    static final String BLOB_NOT_EXISTS = "ErrorCode=UserErrorSourceBlobNotExists,'Type=Microsoft.DataTransfer.Common."
            + "Shared.HybridDeliveryException,Message=The required Blob is missing. ContainerName: "
            + "https://stcontosolanding.blob.core.windows.net/landing, ContainerExist: True, BlobPrefix: "
            + "web-events/%s/, BlobCount: 0.,Source=Microsoft.DataTransfer.ClientLibrary,'";
    static final String DATABRICKS_3204 = "Databricks execution failed with error state: InternalError, error message: "
            + "Notebook /Repos/data-eng/transform/enrich_customers failed: org.apache.spark.sql.AnalysisException: "
            + "[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `customer_segment` cannot be "
            + "resolved. Did you mean one of the following? [`customer_id`, `segment`].";
    static final String WEB_2108 = "Error calling the endpoint 'https://api.partner-logistics.com/v2/shipments/export'. "
            + "Response status code: 'NA - Unknown'. More details: Exception message: 'NA - Unknown [ClientSideException] "
            + "A task was canceled.'. Request didn't reach the server from the client. This could happen because of an "
            + "underlying issue such as network connectivity, a DNS failure, a server certificate validation or a timeout.";
    /** Takes the runtime's name. */
    static final String SHIR_2010 = "The Self-hosted Integration Runtime '%s' is offline. Make sure the "
            + "integration runtime node is online and connected to the service, then try again.";
    static final String TYPE_CONVERSION = "ErrorCode=TypeConversionFailure,Exception occurred when converting value "
            + "'2026-13-01' for column name 'signup_date' from type 'String' (precision:, scale:) to type 'DateTime' "
            + "(precision:255, scale:255). Additional info: String was not recognized as a valid DateTime.";
    static final String ADLS_403 = "ErrorCode=AdlsGen2OperationFailed,'Type=Microsoft.DataTransfer.Common.Shared."
            + "HybridDeliveryException,Message=ADLS Gen2 operation failed for: Operation returned an invalid status code "
            + "'Forbidden'. Account: 'stcontosolake'. FileSystem: 'curated'. Path: 'regions/apac/sales.parquet'. ErrorCode: "
            + "'AuthorizationPermissionMismatch'. Message: 'This request is not authorized to perform this operation using "
            + "this permission.'.,Source=Microsoft.DataTransfer.ClientLibrary,'";

    private AdfErrorTexts() {
    }
}
