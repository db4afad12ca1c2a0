import { MemoryStore } from "../../src/store/mod.js";
import { sessionStoreContract } from "./contract.js";

sessionStoreContract("MemoryStore", async (options) => new MemoryStore(options));
