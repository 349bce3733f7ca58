// Expands Adaptive Card templates with the official engine (adaptivecards-templating) and validates the
// result with the official object model (adaptivecards). Input: a JSON file [{name, template, data}].
// Output (stdout): [{name, expanded, problems: [..]}].
'use strict';
const fs = require('fs');
const { Template } = require('adaptivecards-templating');
const AC = require('adaptivecards/dist/adaptivecards.js');

function validate(card) {
  const problems = [];
  const ctx = new AC.SerializationContext();
  const ac = new AC.AdaptiveCard();
  ac.parse(card, ctx);
  for (let i = 0; i < ctx.eventCount; i++) {
    const e = ctx.getEventAt(i);
    problems.push(`${e.phase}/${e.event}: ${e.message}`);
  }
  const report = ac.validateProperties();
  for (const e of report.validationEvents) problems.push(`validate/${e.event}: ${e.message}`);
  return problems;
}

const input = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const out = input.map(({ name, template, data }) => {
  const expanded = template ? new Template(template).expand({ $root: data }) : data;
  return { name, expanded, problems: validate(expanded) };
});
process.stdout.write(JSON.stringify(out));
