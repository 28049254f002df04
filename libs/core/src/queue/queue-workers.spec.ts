import { JobName } from './queue-names';
import { checkJobHandlers } from './queue-workers.service';

describe('checkJobHandlers', () => {
  const everyJob = Object.values(JobName).map((job) => ({ job, handler: `${job}Handler` }));

  it('accepts exactly one handler per job name', () => {
    expect(checkJobHandlers(everyJob)).toEqual([]);
  });

  it('names a job without a handler', () => {
    expect(checkJobHandlers(everyJob.slice(1))).toEqual([`job ${everyJob[0].job} has no handler`]);
  });

  it('names a job with two handlers', () => {
    const twice = [...everyJob, { job: everyJob[0].job, handler: 'AnotherHandler' }];
    expect(checkJobHandlers(twice)).toEqual([
      `job ${everyJob[0].job} has 2 handlers: ${everyJob[0].handler}, AnotherHandler`,
    ]);
  });
});
