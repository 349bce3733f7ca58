package com.adfops.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.adf.ActivityError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorClassifierTest {

    @ParameterizedTest(name = "{0} {1} -> {3}")
    @CsvSource(delimiter = '|', value = {
        "2200|ErrorCode=SqlFailedToConnect,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=Cannot connect to SQL Database.|Copy|NETWORK",
        "2200|ErrorCode=UserErrorSourceBlobNotExists,'Type=...,Message=The required Blob is missing.|Copy|MISSING_SOURCE",
        "2200|ErrorCode=SqlUnauthorizedAccess,'Message=Cannot connect to 'x'. Login failed for user 'etl'.|Copy|AUTHENTICATION",
        "2200|ErrorCode=AdlsGen2OperationFailed, ErrorCode: 'AuthorizationPermissionMismatch'. This request is not authorized|Copy|PERMISSION",
        "2200|ErrorCode=TypeConversionFailure,Exception occurred when converting value 'abc' for column name 'id'|Copy|DATA_SCHEMA",
        "2200|ErrorCode=UserErrorSqlBulkCopyInvalidColumnLength, The given ColumnMapping does not match|Copy|DATA_SCHEMA",
        "3204|Databricks execution failed with error state: InternalError, error message: Notebook failed: NameError|DatabricksNotebook|USER_CODE",
        "3204|Databricks execution failed: Cluster could not start: insufficient resources in the region|DatabricksNotebook|CAPACITY",
        "3200|Error 403. The access token may have expired.|DatabricksNotebook|AUTHENTICATION",
        "2108|Error calling the endpoint 'https://x'. Response status code: 'NA - Unknown'. Request didn't reach the server|WebActivity|NETWORK",
        "2108|Error calling the endpoint 'https://x'. Response status code: '401 Unauthorized'.|WebActivity|AUTHENTICATION",
        "2108|Error calling the endpoint 'https://x'. Response status code: '404 Not Found'.|WebActivity|MISSING_SOURCE",
        "2108|Error calling the endpoint 'https://x'. Response status code: '429 Too Many Requests'.|WebActivity|CAPACITY",
        "2010|The Self-hosted Integration Runtime 'ir1' is offline|Copy|NETWORK",
        "3608|Call to provided Azure function 'f' failed with status-'InternalServerError' and message - 'Exception: boom'|AzureFunctionActivity|USER_CODE",
        "4103|Requests are being throttled. Please retry later (429).|Copy|CAPACITY",
        "9999|Something odd happened|Wait|UNKNOWN",
        "Custom42|Python script exited with code 1: Traceback (most recent call last)|Custom|USER_CODE",
    })
    void classifies(String code, String message, String type, ErrorClass expected) {
        assertThat(ErrorClassifier.classify(new ActivityError(code, message, "UserError", "t"), type)).isEqualTo(expected);
    }
}
