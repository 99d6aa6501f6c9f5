#!/bin/sh
# Prisma's CLI insists on a native schema engine it cannot download offline; migrations run through the WASM engine.
echo "The native schema engine is not used here: run npm run db:migrate (WASM schema engine)." >&2
exit 1
