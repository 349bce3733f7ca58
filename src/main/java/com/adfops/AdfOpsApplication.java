package com.adfops;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of adfops-bot: a Microsoft Teams bot for operating Azure Data Factory. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AdfOpsApplication {

    public static void main(String[] args) {
        SpringApplication.run(AdfOpsApplication.class, args);
    }
}
