import { AdoptionStage } from './enums.js';
import {
  CELL_CODE_LENGTH,
  countStages,
  decodeCell,
  encodeCell,
  visibleMatrix,
  NO_RECORD_CODE,
  stageAt,
  STAGE_CODES,
  stageTallies,
  withCellCode,
  writeCellCode,
} from './matrix-codes.js';
import { MATURITY_MODELS, MATURITY_MODEL_VERSIONS } from './rules.js';

describe('matrix cell codes', () => {
  it('encodes every stage, model and level in three characters and decodes them back', () => {
    const cells = Object.values(AdoptionStage).flatMap((stage) =>
      MATURITY_MODEL_VERSIONS.flatMap((maturityModel) =>
        [null, ...Array.from({ length: MATURITY_MODELS[maturityModel] + 1 }, (_, level) => level)].map(
          (maturityLevel) => ({ stage, maturityModel, maturityLevel }),
        ),
      ),
    );
    const row = cells.map(encodeCell).join('');
    expect(row).toHaveLength(cells.length * CELL_CODE_LENGTH);
    cells.forEach((cell, column) => {
      expect(decodeCell(row, column)).toEqual(cell);
      expect(stageAt(row, column)).toBe(cell.stage);
    });
    // every cell has a code of its own
    expect(new Set(cells.map(encodeCell)).size).toBe(cells.length);
    // written as bytes, the row is the same
    const bytes = new Uint8Array(row.length);
    cells.forEach((cell, column) => writeCellCode(bytes, column * CELL_CODE_LENGTH, cell));
    expect(String.fromCharCode(...bytes)).toBe(row);
  });

  it('writes a readable code and a placeholder for no record', () => {
    expect(encodeCell({ stage: AdoptionStage.LIVE, maturityModel: '1.1', maturityLevel: 3 })).toBe('L31');
    expect(encodeCell({ stage: AdoptionStage.PLANNED, maturityModel: '2.0', maturityLevel: null })).toBe(
      'P-2',
    );
    expect(encodeCell(null)).toBe(NO_RECORD_CODE);
    expect(decodeCell(`L31${NO_RECORD_CODE}`, 1)).toBeNull();
    expect(stageAt(NO_RECORD_CODE, 0)).toBeNull();
    // past the end of a row there is no record either
    expect(decodeCell('L31', 5)).toBeNull();
  });

  it('gives each stage its own character', () => {
    expect(new Set(Object.values(STAGE_CODES)).size).toBe(Object.values(AdoptionStage).length);
  });

  it('refuses values the rules do not allow, naming them', () => {
    expect(() => encodeCell({ stage: AdoptionStage.LIVE, maturityModel: '1.1', maturityLevel: 5 })).toThrow(
      'model 1.1, level 5',
    );
    expect(() =>
      encodeCell({ stage: AdoptionStage.LIVE, maturityModel: '3.0', maturityLevel: null }),
    ).toThrow('model 3.0');
    expect(() =>
      encodeCell({ stage: 'GONE' as AdoptionStage, maturityModel: '2.0', maturityLevel: null }),
    ).toThrow('stage GONE');
    expect(() =>
      writeCellCode(new Uint8Array(3), 0, {
        stage: AdoptionStage.LIVE,
        maturityModel: '2.0',
        maturityLevel: 8,
      }),
    ).toThrow('model 2.0, level 8');
  });

  it('replaces one cell of a row', () => {
    const row = ['L31', NO_RECORD_CODE, 'E-2'].join('');
    const changed = withCellCode(row, 1, {
      stage: AdoptionStage.IN_ROLLOUT,
      maturityModel: '2.0',
      maturityLevel: 7,
    });
    expect(changed).toBe('L31R72E-2');
    expect(withCellCode(changed, 0, null)).toBe(`${NO_RECORD_CODE}R72E-2`);
  });
});

describe('visibleMatrix', () => {
  // Three cities × three services; the stage of each cell, or null for none.
  const stages: (AdoptionStage | null)[][] = [
    [AdoptionStage.LIVE, null, AdoptionStage.PLANNED],
    [null, null, null],
    [AdoptionStage.PLANNED, AdoptionStage.LIVE, null],
  ];
  const has = (row: number, column: number, stage: AdoptionStage) => stages[row][column] === stage;

  it('keeps everything without filters', () => {
    expect(visibleMatrix(3, ['a', 'b', null], has, { topic: null, stage: null })).toEqual({
      rows: [0, 1, 2],
      columns: [0, 1, 2],
    });
  });

  it('keeps the services of a topic, and with a stage the cities and services that have it', () => {
    expect(visibleMatrix(3, ['a', 'b', 'a'], has, { topic: 'a', stage: null }).columns).toEqual([0, 2]);
    expect(visibleMatrix(3, ['a', 'b', 'a'], has, { topic: null, stage: AdoptionStage.LIVE })).toEqual({
      rows: [0, 2],
      columns: [0, 1],
    });
    expect(visibleMatrix(3, ['a', 'b', 'a'], has, { topic: 'a', stage: AdoptionStage.PLANNED })).toEqual({
      rows: [0, 2],
      columns: [0, 2],
    });
  });
});

describe('stage tallies', () => {
  it('count each service’s cities at each stage and those without a record', () => {
    const live = { stage: AdoptionStage.LIVE, maturityModel: '2.0', maturityLevel: 3 };
    const planned = { stage: AdoptionStage.PLANNED, maturityModel: '1.1', maturityLevel: null };
    const tallies = stageTallies(3);
    countStages(tallies, encodeCell(live) + encodeCell(null) + encodeCell(planned));
    countStages(tallies, encodeCell(live) + encodeCell(planned) + encodeCell(null));
    const zero = { NOT_PLANNED: 0, EVALUATING: 0, PLANNED: 0, IN_ROLLOUT: 0, LIVE: 0, DISCONTINUED: 0 };
    expect(tallies).toEqual([
      { stages: { ...zero, LIVE: 2 }, noRecord: 0 },
      { stages: { ...zero, PLANNED: 1 }, noRecord: 1 },
      { stages: { ...zero, PLANNED: 1 }, noRecord: 1 },
    ]);
  });
});
