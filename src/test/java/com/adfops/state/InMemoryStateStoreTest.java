package com.adfops.state;

class InMemoryStateStoreTest extends StateStoreContract {

    final InMemoryStateStore store = new InMemoryStateStore();

    @Override
    StateStore store() {
        return store;
    }
}
