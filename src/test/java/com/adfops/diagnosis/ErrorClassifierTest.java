package com.adfops.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.adf.ActivityError;
import com.adfops.docs.BuiltInDocsIndex;
import com.adfops.docs.DocResult;
import com.adfops.TestSim;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The error table against real ADF error messages (as the ADF troubleshooting guides and real runs print them):
 * each maps to its class (and so its next step) and its guidance topic, and the built-in index's first page for that
 * topic is the right guide.
 */
class ErrorClassifierTest {

    static final BuiltInDocsIndex INDEX = new BuiltInDocsIndex(TestSim.JSON);

    @ParameterizedTest(name = "{0} {1} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        // Copy 2200, decided by the inner ErrorCode
        "2200|ErrorCode=SqlFailedToConnect,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=Cannot connect to SQL Database: 'sql1.database.windows.net', Database: 'db', User: 'etl'. Check the linked service configuration is correct, and make sure the SQL Database firewall allows the integration runtime to access.,Source=Microsoft.DataTransfer.ClientLibrary,'|Copy|NETWORK|sql-connector|connector-troubleshoot-azure-sql",
        "2200|ErrorCode=SqlFailedToConnect,'Message=Cannot connect to SQL Database. Login failed for user 'etl'.,Source=x,'|Copy|AUTHENTICATION|sql-connector|connector-troubleshoot-azure-sql",
        "2200|ErrorCode=SqlUnauthorizedAccess,'Message=Cannot connect to 'x'. Login failed for user 'etl'.|Copy|AUTHENTICATION|sql-connector|connector-troubleshoot-azure-sql",
        "2200|ErrorCode=SqlOpenConnectionTimeout,'Message=Open connection to database timeout after '15' seconds.,Source=x,'|Copy|NETWORK|sql-connector|connector-troubleshoot-azure-sql",
        "2200|ErrorCode=SqlOperationFailed,'Message=A database operation failed. Please search error to get more details.,Source=x,''Type=System.Data.SqlClient.SqlException,Message=String or binary data would be truncated.,Source=.Net SqlClient Data Provider,SqlErrorNumber=8152,'|Copy|DATA_SCHEMA|sql-connector|connector-troubleshoot-azure-sql",
        "2200|ErrorCode=SqlOperationFailed,'Message=A database operation failed with the following error: 'Violation of PRIMARY KEY constraint 'PK_Orders'. Cannot insert duplicate key in object 'dbo.Orders'.',Source=,'|Copy|DATA_SCHEMA|sql-connector|connector-troubleshoot-azure-sql",
        "2200|ErrorCode=SqlOperationFailed,'Message=A database operation failed with the following error: 'Transaction (Process ID 63) was deadlocked on lock resources with another process and has been chosen as the deadlock victim. Rerun the transaction.'|Copy|TRANSIENT|sql-connector|connector-troubleshoot-azure-sql",
        "2200|ErrorCode=SqlOperationFailed,'Message=A database operation failed with the following error: 'The INSERT permission was denied on the object 'Orders', database 'db', schema 'dbo'.'|Copy|PERMISSION|sql-connector|connector-troubleshoot-azure-sql",
        "2200|ErrorCode=UserErrorSqlBulkCopyInvalidColumnLength,'Message=SQL Bulk Copy failed due to receive an invalid column length from the bcp client.,Source=x,'|Copy|DATA_SCHEMA|fault-tolerance|copy-activity-fault-tolerance",
        "2200|ErrorCode=UserErrorSourceBlobNotExists,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=The required Blob is missing. ContainerName: https://acct.blob.core.windows.net/raw, ContainerExist: True, BlobPrefix: sales/2026/11/27/, BlobCount: 0.,Source=Microsoft.DataTransfer.ClientLibrary,'|Copy|MISSING_SOURCE|blob-connector|connector-troubleshoot-azure-blob-storage",
        "2200|ErrorCode=UserErrorFileNotFound,'Message=Cannot find the 'Azure Blob Storage' file. ,Source=x,'|Copy|MISSING_SOURCE|blob-connector|connector-troubleshoot-azure-blob-storage",
        "2200|ErrorCode=AzureBlobOperationFailed,'Message=Blob operation Failed. ContainerName: raw, path: raw/x.csv.,Source=x,''Type=Microsoft.WindowsAzure.Storage.StorageException,Message=This request is not authorized to perform this operation using this permission.,Source=Microsoft.WindowsAzure.Storage,StorageExtendedMessage=AuthorizationPermissionMismatch'|Copy|PERMISSION|blob-connector|connector-troubleshoot-azure-blob-storage",
        "2200|ErrorCode=AdlsGen2OperationFailed,'Message=ADLS Gen2 operation failed for: Operation returned an invalid status code 'Forbidden'. Account: 'lake'. FileSystem: 'raw'. ErrorCode: 'AuthorizationPermissionMismatch'. Message: 'This request is not authorized to perform this operation using this permission.'|Copy|PERMISSION|adls-connector|connector-troubleshoot-azure-data-lake",
        "2200|ErrorCode=AdlsGen2OperationFailed,'Message=ADLS Gen2 operation failed for: Operation returned an invalid status code 'NotFound'. Account: 'lake'. FileSystem: 'raw'. Path: 'sales/2026'. ErrorCode: 'PathNotFound'. Message: 'The specified path does not exist.'|Copy|MISSING_SOURCE|adls-connector|connector-troubleshoot-azure-data-lake",
        "2200|ErrorCode=DelimitedTextMoreColumnsThanDefined,'Message=Error found when processing 'Csv/Tsv Format Text' source 'orders.csv' with row number 1042: found more columns than expected column count 12.,Source=x,'|Copy|DATA_SCHEMA|delimited-text|connector-troubleshoot-delimited-text",
        "2200|ErrorCode=DelimitedTextColumnNameNotAllowNull,'Message=The name of column index 3 is empty. Make sure column name is properly specified in the header row.|Copy|DATA_SCHEMA|delimited-text|connector-troubleshoot-delimited-text",
        "2200|ErrorCode=TypeConversionFailure,Exception occurred when converting value 'N/A' for column name 'amount' from type 'String' (precision:, scale:) to type 'Decimal' (precision:18, scale:2). Additional info: Input string was not in a correct format.|Copy|DATA_SCHEMA|type-mapping|copy-activity-schema-and-type-mapping",
        "2200|ErrorCode=ParquetJavaInvocationException,'Message=An error occurred when invoking java, message: java.lang.OutOfMemoryError:Java heap space|Copy|CAPACITY|parquet|connector-troubleshoot-parquet",
        "2200|ErrorCode=JreNotFound,'Message=Java Runtime Environment cannot be found on the Self-hosted Integration Runtime machine. It is required for parsing or writing to Parquet/ORC files.|Copy|CONFIGURATION|parquet|connector-troubleshoot-parquet",
        "2200|ErrorCode=RestSourceCallFailed,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=The HttpStatusCode 503 indicates failure. Request URL: https://api.vendor.example/v2/orders?page=7 Response payload:{\"error\":\"Service Unavailable\"},Source=Microsoft.DataTransfer.ClientLibrary,'|Copy|TRANSIENT|rest-connector|connector-troubleshoot-rest",
        "2200|ErrorCode=RestSourceCallFailed,'Message=The HttpStatusCode 401 indicates failure. Request URL: https://api.vendor.example/v2/orders Response payload:{\"message\":\"invalid token\"}|Copy|AUTHENTICATION|rest-connector|connector-troubleshoot-rest",
        "2200|ErrorCode=RestSourceCallFailed,'Message=The HttpStatusCode 429 indicates failure. Request URL: https://api.vendor.example/v2/orders|Copy|CAPACITY|rest-connector|connector-troubleshoot-rest",
        "2200|ErrorCode=UserErrorOdbcOperationFailed,'Message=ERROR [HY000] [Microsoft][ODBC] connection refused by host|Copy|NETWORK|connectors|connector-troubleshoot-guide",
        // Mapping data flows: JSON messages, DF-* codes, data flow guide
        "DF-Executor-OutOfMemoryError|{\"StatusCode\":\"DF-Executor-OutOfMemoryError\",\"Message\":\"Job failed due to reason: Cluster ran into out of memory issue during execution, please retry using an integration runtime with bigger core count and/or memory optimized compute type\",\"Details\":\"java.lang.OutOfMemoryError at com.microsoft.dataflow...\"}|ExecuteDataFlow|CAPACITY|data-flows|data-flow-troubleshoot-errors",
        "DFExecutorUserError|{\"StatusCode\":\"DFExecutorUserError\",\"Message\":\"Job failed due to reason: at Sink 'sinkSql': String or binary data would be truncated in table 'dbo.Customers', column 'Name'. Truncated value: 'Alexander'.\",\"Details\":\"java.sql.BatchUpdateException: connection host sqlsrv timed out at com.microsoft.sqlserver.jdbc\"}|ExecuteDataFlow|DATA_SCHEMA|data-flows|data-flow-troubleshoot-errors",
        "DF-Executor-BroadcastTimeout|Broadcast join timeout error, make sure broadcast stream produces data within 60 secs in debug runs and 300 secs in job runs|ExecuteDataFlow|CAPACITY|data-flows|data-flow-troubleshoot-errors",
        "DF-Executor-SourceInvalidPayload|Data preview, debug, and pipeline data flow execution failed because container does not exist|ExecuteDataFlow|MISSING_SOURCE|data-flows|data-flow-troubleshoot-errors",
        "DF-Executor-Conversion|Converting to a date or time failed due to an invalid character|ExecuteDataFlow|DATA_SCHEMA|data-flows|data-flow-troubleshoot-errors",
        "DF-Executor-illegalArgument|Please make sure that the access key in your Linked Service is correct|ExecuteDataFlow|AUTHENTICATION|data-flows|data-flow-troubleshoot-errors",
        "DF-Executor-StoreIsNotDefined|The store configuration is not defined. This error is potentially caused by invalid parameter assignment in the pipeline.|ExecuteDataFlow|CONFIGURATION|data-flows|data-flow-troubleshoot-errors",
        "4502|There are substantial concurrent MappingDataflow executions that are causing failures due to throttling under Integration Runtime.|ExecuteDataFlow|CAPACITY|data-flows|data-flow-troubleshoot-errors",
        "2011|The activity was running on Azure Integration Runtime and failed to decrypt the credential of data store or compute connected via a Self-hosted Integration Runtime. Please check the configuration of linked services associated with this activity.|ExecuteDataFlow|CONFIGURATION|data-flows|data-flow-troubleshoot",
        // Databricks 32xx
        "3200|Error 403. The access token may have expired.|DatabricksNotebook|AUTHENTICATION|databricks|data-factory-troubleshoot-guide",
        "3201|Missing required field: settings.task.notebook_task.notebook_path.|DatabricksNotebook|CONFIGURATION|databricks|data-factory-troubleshoot-guide",
        "3202|There were already 1000 jobs created in past 3600 seconds, exceeding rate limit: 1000 job creations per 3600 seconds.|DatabricksNotebook|CAPACITY|databricks|data-factory-troubleshoot-guide",
        "3203|The cluster is in Terminated state, not available to receive jobs. Please fix the cluster or retry later.|DatabricksNotebook|TRANSIENT|databricks|data-factory-troubleshoot-guide",
        "3204|Databricks execution failed with error state: InternalError, error message: Notebook failed: NameError: name 'df2' is not defined|DatabricksNotebook|USER_CODE|databricks|data-factory-troubleshoot-guide",
        "3204|Databricks execution failed: Cluster could not start: insufficient resources in the region|DatabricksNotebook|CAPACITY|databricks|data-factory-troubleshoot-guide",
        "3208|An error occurred while sending the request.|DatabricksNotebook|NETWORK|databricks|data-factory-troubleshoot-guide",
        // Web activity 2108 by the response status
        "2108|Error calling the endpoint 'https://x'. Response status code: 'NA - Unknown'. More details: Exception message: 'NA - Unknown [ClientSideException] A task was canceled.'. Request didn't reach the server from the client.|WebActivity|NETWORK|web-activity|troubleshoot-guide",
        "2108|Error calling the endpoint 'https://x'. Response status code: '401 Unauthorized'.|WebActivity|AUTHENTICATION|web-activity|troubleshoot-guide",
        "2108|Error calling the endpoint 'https://x'. Response status code: '404 Not Found'.|WebActivity|MISSING_SOURCE|web-activity|troubleshoot-guide",
        "2108|Error calling the endpoint 'https://x'. Response status code: '429 Too Many Requests'.|WebActivity|CAPACITY|web-activity|troubleshoot-guide",
        "2108|Error calling the endpoint 'https://x'. Response status code: '503 Service Unavailable'.|WebActivity|TRANSIENT|web-activity|troubleshoot-guide",
        // Azure Functions 36xx
        "3608|Call to provided Azure function 'f' failed with status-'InternalServerError' and message - 'Exception: boom'|AzureFunctionActivity|USER_CODE|azure-functions|troubleshoot-guide",
        "3608|Call to provided Azure function 'f' failed with status-'Unauthorized' and message - 'Invalid function key'|AzureFunctionActivity|AUTHENTICATION|azure-functions|troubleshoot-guide",
        "3603|Response Content is not a valid JObject.|AzureFunctionActivity|USER_CODE|azure-functions|troubleshoot-guide",
        "3606|Azure function activity missing function key.|AzureFunctionActivity|CONFIGURATION|azure-functions|troubleshoot-guide",
        // Self-hosted IR, stored procedure, others
        "2010|The Self-hosted Integration Runtime 'ir1' is offline|Copy|NETWORK|self-hosted-ir|self-hosted-integration-runtime-troubleshoot-guide",
        "2402|Execution fail against sql server. Please contact SQL Server team if you need further support. Sql error number: 50000. Error Message: Load rejected: 42 rows failed validation.|SqlServerStoredProcedure|USER_CODE|stored-procedure|transform-data-using-stored-procedure",
        "2402|Execution fail against sql server. Sql error number: 18456. Error Message: Login failed for user 'etl'.|SqlServerStoredProcedure|AUTHENTICATION|stored-procedure|transform-data-using-stored-procedure",
        // 2011 means different things per activity: the SQL server's error from Script, Stored procedure, Lookup
        "2011|Execution fail against sql server. Please contact SQL Server team if you need further support. Sql error number: 18456. Error Message: Login failed for user 'etl'.|Script|AUTHENTICATION|script-activity|connector-troubleshoot-azure-sql",
        "2011|Execution fail against sql server. Please contact SQL Server team if you need further support. Sql error number: 208. Error Message: Invalid object name 'dbo.Orders'.|Script|USER_CODE|script-activity|transform-data-using-script",
        "2011|Execution fail against sql server. Sql error number: 208. Error Message: Invalid object name 'dbo.Orders'.|SqlServerStoredProcedure|USER_CODE|stored-procedure|transform-data-using-stored-procedure",
        "2011|Execution fail against sql server. Sql error number: 18456. Error Message: Login failed for user 'etl'.|Lookup|AUTHENTICATION|sql-connector|connector-troubleshoot-azure-sql",
        "2011|ErrorCode=SqlOperationFailed,'Type=System.Data.SqlClient.SqlException,Message=Invalid object name 'dbo.stage'.,Source=.Net SqlClient Data Provider,SqlErrorNumber=208,'|Copy|CONFIGURATION|sql-connector|connector-troubleshoot-azure-sql",
        // ... and the self-hosted IR's when the message says the IR is the problem, whatever the activity
        "2011|The Self-hosted Integration Runtime 'ir1' is offline.|Script|CONFIGURATION|self-hosted-ir|self-hosted-integration-runtime-troubleshoot-guide",
        "2011|The activity was running on Azure Integration Runtime and failed to decrypt the credential of data store or compute connected via a Self-hosted Integration Runtime. Please check the configuration of linked services associated with this activity.|Copy|CONFIGURATION|self-hosted-ir|self-hosted-integration-runtime-troubleshoot-guide",
        "4103|Requests are being throttled. Please retry later (429).|Copy|CAPACITY|connectors|connector-troubleshoot-guide",
        "9999|Something odd happened|Wait|UNKNOWN||",
        "Custom42|Python script exited with code 1: Traceback (most recent call last)|Custom|USER_CODE||",
    })
    void classifies(String code, String message, String type, ErrorClass expected, String topic, String page) {
        ErrorClassifier.Verdict v = ErrorClassifier.verdict(new ActivityError(code, message, "UserError", "t"), type);
        assertThat(v.errorClass()).isEqualTo(expected);
        assertThat(v.topic()).isEqualTo(topic == null ? "" : topic);
        assertThat(expected.nextStep()).isNotBlank();
        if (page != null) {
            List<DocResult> docs = INDEX.search(code + " " + message, v.topic(), 3);
            assertThat(docs).as("guidance for " + code).isNotEmpty();
            assertThat(docs.get(0).url()).as("first guidance page for " + code).contains(page);
        }
    }
}
