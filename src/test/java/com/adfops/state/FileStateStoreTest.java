package com.adfops.state;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class FileStateStoreTest extends StateStoreContract {

    @TempDir
    Path dir;
    FileStateStore store;

    @Override
    StateStore store() {
        if (store == null) {
            store = new FileStateStore(dir);
        }
        return store;
    }
}
