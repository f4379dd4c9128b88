package org.palimpsest.core.blob;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** The configured blob store, and the database's own (which the migration empties). */
@ApplicationScoped
class BlobStores {

    @Produces
    @Singleton
    @Typed(DatabaseBlobStore.class)
    DatabaseBlobStore database(EntityManager em) {
        return new DatabaseBlobStore(em);
    }

    @Produces
    @Singleton
    BlobStore configured(BlobConfig config, DatabaseBlobStore database) {
        return switch (config.store()) {
            case FILESYSTEM -> new FileBlobStore(Path.of(config.directory()), config.fsync(), database);
            case S3 -> new S3BlobStore(s3Client(config.s3()), config.s3().bucket(), config.s3().endpoint()
                    .map(e -> e + "/" + config.s3().bucket()).orElse("s3://" + config.s3().bucket()), database);
            case DATABASE -> database;
        };
    }

    static S3Client s3Client(BlobConfig.S3 s3) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(s3.region()))
                .forcePathStyle(s3.pathStyle())
                // Checksums only where the API demands them: servers other than AWS's do not all take the newer ones.
                // Each PUT carries its Content-MD5 instead (S3BlobStore).
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        s3.endpoint().ifPresent(builder::endpointOverride);
        if (s3.accessKey().isPresent() && s3.secretKey().isPresent()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(s3.accessKey().get(), s3.secretKey().get())));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder.build();
    }
}
