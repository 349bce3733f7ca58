package com.adfops.state.implementation;

import com.adfops.state.StateStore;
import com.azure.core.http.rest.Response;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.BlockBlobItem;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import java.time.Duration;
import java.util.Optional;

/**
 * {@link StateStore} in an Azure Blob Storage container, shared by every instance of the bot. Versions are blob
 * ETags: creates use {@code If-None-Match: *}, updates {@code If-Match: <etag>}, so two instances can never both
 * win a race. Transient failures are retried by the SDK (exponential back-off).
 */
public final class BlobStateStore implements StateStore {

    private final BlobContainerClient container;
    private final Duration timeout;

    public BlobStateStore(BlobContainerClient container, Duration timeout) {
        this.container = container;
        this.timeout = timeout;
        try {
            container.createIfNotExists();
        } catch (BlobStorageException e) {
            throw new StoreException("cannot open the state container (" + e.getErrorCode() + ")", e);
        }
    }

    private static RequestRetryOptions retries(Duration timeout) {
        return new RequestRetryOptions(RetryPolicyType.EXPONENTIAL, 4, timeout, Duration.ofMillis(200), Duration.ofSeconds(5), null);
    }

    /** Production: the account's blob endpoint and the bot's managed identity (no shared keys). */
    public static BlobStateStore withIdentity(String endpoint, String containerName, Duration timeout) {
        return new BlobStateStore(new BlobServiceClientBuilder()
                .endpoint(endpoint)
                .credential(new DefaultAzureCredentialBuilder().build())
                .retryOptions(retries(timeout))
                .buildClient()
                .getBlobContainerClient(containerName), timeout);
    }

    /** A connection string: Azurite in local tests. */
    public static BlobStateStore withConnectionString(String connectionString, String containerName, Duration timeout) {
        return new BlobStateStore(new BlobServiceClientBuilder()
                .connectionString(connectionString)
                .retryOptions(retries(timeout))
                .buildClient()
                .getBlobContainerClient(containerName), timeout);
    }

    private BlobClient blob(String key) {
        return blob(key, ".json");
    }

    private BlobClient blob(String key, String suffix) {
        if (key == null || !key.matches("[A-Za-z0-9/_\\-.=]{1,900}") || key.contains("..")) {
            throw new IllegalArgumentException("invalid state key");
        }
        return container.getBlobClient(key + suffix);
    }

    @Override
    public Optional<Versioned> read(String key) {
        return download(blob(key), timeout).map(d -> new Versioned(d.content().toString(), d.etag()));
    }

    @Override
    public String write(String key, String json, String expectedVersion) {
        return upload(blob(key), key, BinaryData.fromString(json), expectedVersion, timeout);
    }

    /** Binary documents are {@code <key>.bin} block blobs, apart from the JSON ones. */
    @Override
    public Optional<Binary> readBytes(String key) {
        return download(blob(key, ".bin"), bulkTimeout()).map(d -> new Binary(d.content().toBytes(), d.etag()));
    }

    private record Downloaded(BinaryData content, String etag) {
    }

    /** A blob's content and ETag; empty when it does not exist. */
    private static Optional<Downloaded> download(BlobClient blob, Duration within) {
        return unlessAbsent(() -> {
            var r = blob.downloadContentWithResponse(null, null, within, Context.NONE);
            return new Downloaded(r.getValue(), r.getDeserializedHeaders().getETag());
        });
    }

    @Override
    public Optional<String> bytesVersion(String key) {
        BlobClient blob = blob(key, ".bin");
        return unlessAbsent(() -> blob.getPropertiesWithResponse(null, timeout, Context.NONE).getValue().getETag());
    }

    /** A read of the store: empty when the blob does not exist, a {@link StoreException} when the store fails. */
    private static <T> Optional<T> unlessAbsent(java.util.function.Supplier<T> read) {
        try {
            return Optional.of(read.get());
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 404) {
                return Optional.empty();
            }
            throw new StoreException("cannot read state (" + e.getErrorCode() + ")", e);
        } catch (RuntimeException e) {
            throw new StoreException("cannot read state", e);
        }
    }

    @Override
    public String writeBytes(String key, byte[] bytes, String expectedVersion) {
        return upload(blob(key, ".bin"), key, BinaryData.fromBytes(bytes), expectedVersion, bulkTimeout());
    }

    /** A snapshot of tens of MB takes longer than a small document: a minute at least. */
    private Duration bulkTimeout() {
        return timeout.compareTo(Duration.ofMinutes(1)) > 0 ? timeout : Duration.ofMinutes(1);
    }

    private static String upload(BlobClient blob, String key, BinaryData data, String expectedVersion,
                                 Duration timeout) {
        BlobRequestConditions conditions = new BlobRequestConditions();
        if (expectedVersion == null) {
            conditions.setIfNoneMatch("*");
        } else {
            conditions.setIfMatch(expectedVersion);
        }
        try {
            Response<BlockBlobItem> r = blob.uploadWithResponse(
                    new BlobParallelUploadOptions(data).setRequestConditions(conditions)
                            // A big document goes in blocks of 4 MB (each try of each within the timeout), committed
                            // under the same condition.
                            .setParallelTransferOptions(new com.azure.storage.blob.models.ParallelTransferOptions()
                                    .setBlockSizeLong(4L << 20).setMaxSingleUploadSizeLong(8L << 20)
                                    .setMaxConcurrency(2)),
                    timeout, Context.NONE);
            return r.getValue().getETag();
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 412 || e.getStatusCode() == 409
                    || BlobErrorCode.CONDITION_NOT_MET.equals(e.getErrorCode())
                    || BlobErrorCode.BLOB_ALREADY_EXISTS.equals(e.getErrorCode())) {
                throw new ConflictException(key);
            }
            throw new StoreException("cannot write state (" + e.getErrorCode() + ")", e);
        } catch (RuntimeException e) {
            throw new StoreException("cannot write state", e);
        }
    }

    @Override
    public void delete(String key) {
        BlobClient blob = blob(key);
        try {
            blob.deleteIfExists();
        } catch (BlobStorageException e) {
            throw new StoreException("cannot delete state (" + e.getErrorCode() + ")", e);
        }
    }

    @Override
    public java.util.List<String> keys(String folder) {
        if (folder == null || !folder.matches("[A-Za-z0-9/_\\-.=]{1,900}") || folder.contains("..")) {
            throw new IllegalArgumentException("invalid state key");
        }
        String prefix = folder + "/";
        try {
            java.util.List<String> out = new java.util.ArrayList<>();
            for (com.azure.storage.blob.models.BlobItem b : container.listBlobsByHierarchy("/",
                    new com.azure.storage.blob.models.ListBlobsOptions().setPrefix(prefix), timeout)) {
                String name = b.getName();
                if (!Boolean.TRUE.equals(b.isPrefix()) && name.endsWith(".json")) {
                    out.add(name.substring(0, name.length() - ".json".length()));
                }
            }
            return out;
        } catch (BlobStorageException e) {
            throw new StoreException("cannot list state (" + e.getErrorCode() + ")", e);
        } catch (RuntimeException e) {
            throw new StoreException("cannot list state", e);
        }
    }
}
