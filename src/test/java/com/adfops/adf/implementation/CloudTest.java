package com.adfops.adf.implementation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.management.AzureEnvironment;
import org.junit.jupiter.api.Test;

/** ADFOPS_ADF_CLOUD picks the ARM endpoint and the sign-in authority of sovereign clouds. */
class CloudTest {

    @Test
    void cloudNamesMapToTheirEndpoints() {
        assertThat(SdkDataFactory.cloud("AzureCloud").getResourceManagerEndpoint()).isEqualTo("https://management.azure.com/");
        assertThat(SdkDataFactory.cloud("").getActiveDirectoryEndpoint()).isEqualTo("https://login.microsoftonline.com/");
        AzureEnvironment china = SdkDataFactory.cloud("AzureChinaCloud");
        assertThat(china.getResourceManagerEndpoint()).isEqualTo("https://management.chinacloudapi.cn/");
        assertThat(china.getActiveDirectoryEndpoint()).isEqualTo("https://login.chinacloudapi.cn/");
        AzureEnvironment gov = SdkDataFactory.cloud("azureusgovernment");
        assertThat(gov.getResourceManagerEndpoint()).isEqualTo("https://management.usgovcloudapi.net/");
        assertThat(gov.getActiveDirectoryEndpoint()).isEqualTo("https://login.microsoftonline.us/");
        assertThatThrownBy(() -> SdkDataFactory.cloud("AzureGermanCloud")).hasMessageContaining("ADFOPS_ADF_CLOUD");
    }
}
