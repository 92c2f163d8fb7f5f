import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Facts about this installation, such as whether it holds demo data. */
@Entity('app_setting')
export class AppSetting {
  @PrimaryColumn({ type: 'varchar', length: 60 })
  key: string;

  @Column({ type: 'text' })
  value: string;
}
