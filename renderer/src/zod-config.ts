import { z } from 'zod';

// zod compiles fast parsers with `new Function` unless told not to; the designer's CSP forbids eval.
z.config({ jitless: true });
