/** The `wawp-link` terminal front end. */
process.stdout.write('wawp-link CLI\n');
